using System.Net;
using Comintech.Dsr.LocalEngine.Demo;
using Comintech.Dsr.Staff;
using Comintech.Dsr.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Comintech.Dsr.Browser.Tests;

/// <summary>
/// The staff console in Debian's Chromium (driven by Playwright; no browser is downloaded) against a real engine
/// process: the request form in Spanish; sign in with the key, see the approval waiting in the to-do view, find requests, approve one,
/// extend another, see a hostile name as text, export; read the evidence as sentences (raw JSON behind a toggle), download the certificate.
/// </summary>
public sealed class StaffConsoleBrowserTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string ApiKey = "browser-tests-staff-key-0123456789";
    private const string ChromiumPath = "/usr/bin/chromium";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    private readonly AzuriteFixture azurite = new();
    private readonly string userDataDir = Directory.CreateTempSubdirectory("dsr-chromium-").FullName;
    private EngineProcess engine = null!;
    private IPlaywright playwright = null!;
    private IBrowserContext browser = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: ./test.sh installs Debian's chromium.");
        await azurite.InitializeAsync();
        engine = new EngineProcess(azurite.ConnectionString, "browser" + Guid.NewGuid().ToString("N")[..8], new Dictionary<string, string>
        {
            ["Staff__ApiKey"] = ApiKey,
            ["Dsr__Approval__RequiredFor__0"] = "deletion",
        });
        await engine.StartAsync();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchPersistentContextAsync(userDataDir, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
        await engine.DisposeAsync();
        await azurite.DisposeAsync();
        try
        {
            Directory.Delete(userDataDir, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still hold a lock file for a moment; the folder is temporary.
        }
    }

    [Fact]
    public async Task Staff_sign_in_work_from_the_to_do_view_approve_extend_see_hostile_names_as_text_export_read_evidence_and_download_the_certificate()
    {
        var bobby = DemoDataSeeder.People.Single(p => p.FullName.Contains("<script>", StringComparison.Ordinal));
        var grace = DemoDataSeeder.People[1];
        var deletion = await engine.SubmitAsync(new { type = "deletion", email = bobby.Email, fullName = bobby.FullName, accountId = bobby.AccountId });
        using (var verified = await engine.VerifyAsync(deletion, await engine.CodeAsync(deletion)))
        {
            Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        }

        await engine.WaitForStatusAsync(deletion, "AwaitingApproval", Wait);
        var access = await engine.SubmitAsync(new { type = "access", email = grace.Email, fullName = grace.FullName });

        var page = await browser.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };

        // The request form in Spanish (the browser asks for it), its lists from the server, submitted with script.
        await page.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["Accept-Language"] = "es-ES,es;q=0.9" });
        await page.GotoAsync(engine.BaseUrl + "/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Haga una solicitud de privacidad");
        await page.SelectOptionAsync("#type", "correction");
        await Assertions.Expect(page.Locator("#corrections input[name='corrections[phone]']")).ToBeVisibleAsync();
        await page.SelectOptionAsync("#type", "optout");
        await page.FillAsync("#fullName", "Alan Turing");
        await page.FillAsync("#email", DemoDataSeeder.People[2].Email);
        await page.ClickAsync("#request-form button[type=submit]");
        await Assertions.Expect(page.Locator("#outcome")).ToHaveTextAsync("Hemos recibido su solicitud. Busque el código en su correo.");
        await Assertions.Expect(page.Locator("#verify")).ToBeVisibleAsync();
        await page.SetExtraHTTPHeadersAsync(new Dictionary<string, string>());
        await page.GotoAsync(engine.BaseUrl + "/staff");

        // Sign in with the key.
        await page.FillAsync("#key", ApiKey);
        await page.ClickAsync("#sign-in");
        await page.Locator($"#requests tbody tr[data-id='{deletion}']").WaitForAsync();

        // The to-do view lists the approval waiting (the name as text), and opens the request.
        var todo = page.Locator($"#todo-list li[data-id='{deletion}'][data-kind='approval']");
        await Assertions.Expect(todo).ToContainTextAsync("Approve or deny the deletion request");
        await Assertions.Expect(todo).ToContainTextAsync(bobby.FullName);
        await todo.ClickAsync();
        await Assertions.Expect(page.Locator("#d-name")).ToHaveTextAsync(bobby.FullName);

        // Find the hostile name: shown as text, no script element created, no alert.
        await page.FillAsync("#f-q", "Tables");
        await page.ClickAsync("#apply");
        var row = page.Locator($"#requests tbody tr[data-id='{deletion}']");
        await Assertions.Expect(page.Locator("#requests tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync(bobby.FullName);
        await row.ClickAsync();
        await Assertions.Expect(page.Locator("#d-name")).ToHaveTextAsync(bobby.FullName);
        Assert.Equal(0, await page.Locator("main script").CountAsync());

        // Approve it.
        await Assertions.Expect(page.Locator("#approve")).ToBeVisibleAsync();
        await page.FillAsync("#reason", "Identity and account checked");
        await page.ClickAsync("#approve");
        await Assertions.Expect(page.Locator("#action-result")).ToHaveTextAsync("Approved.");
        await Assertions.Expect(todo).ToHaveCountAsync(0);
        await engine.WaitForStatusAsync(deletion, "Completed", Wait);

        // Extend the other one.
        await page.FillAsync("#f-q", access);
        await page.ClickAsync("#apply");
        await page.Locator($"#requests tbody tr[data-id='{access}']").ClickAsync();
        await Assertions.Expect(page.Locator("#d-name")).ToHaveTextAsync(grace.FullName);
        await page.FillAsync("#reason", "The records are spread over three archives");
        await page.ClickAsync("#extend");
        await Assertions.Expect(page.Locator("#action-result")).ToContainTextAsync("Deadline extended");
        await Assertions.Expect(page.Locator($"#requests tbody tr[data-id='{access}']")).ToContainTextAsync("(extended)");
        await Assertions.Expect(page.Locator("#d-facts")).ToContainTextAsync("The records are spread over three archives");

        // Export the CSV request log.
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export"));
        var csvPath = Path.Combine(OutputFolder(), "request-log.csv");
        await download.SaveAsAsync(csvPath);
        var lines = await File.ReadAllLinesAsync(csvPath);
        Assert.Equal(string.Join(',', RequestLogCsv.Columns), lines[0]);
        Assert.Contains(lines, l => l.StartsWith(deletion + ",", StringComparison.Ordinal) && l.Contains(",Completed,complied,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith(access + ",", StringComparison.Ordinal) && l.Contains(",yes,", StringComparison.Ordinal));

        // Back to the full list for the record.
        await page.FillAsync("#f-q", "");
        await page.ClickAsync("#apply");
        await page.Locator($"#requests tbody tr[data-id='{deletion}']").ClickAsync();
        await Assertions.Expect(page.Locator("#d-chain")).ToContainTextAsync("chain intact");

        // The evidence reads as sentences; each link's type and raw JSON are behind the auditors' toggle.
        var evidence = page.Locator("#d-evidence");
        await Assertions.Expect(evidence).ToContainTextAsync("Verification code sent");
        await Assertions.Expect(evidence).ToContainTextAsync("Approved by");
        await Assertions.Expect(evidence).ToContainTextAsync("Request closed: completed");
        await Assertions.Expect(evidence.Locator("td.raw").First).ToBeHiddenAsync();
        await page.CheckAsync("#raw-toggle");
        await Assertions.Expect(evidence.Locator("td.raw").First).ToBeVisibleAsync();
        await Assertions.Expect(evidence).ToContainTextAsync("request.completed");
        await page.UncheckAsync("#raw-toggle");

        // The deletion certificate, downloaded as issued.
        var certificate = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-certificate"));
        Assert.Equal($"{deletion}-deletion-certificate.html", certificate.SuggestedFilename);
        var certificatePath = Path.Combine(OutputFolder(), certificate.SuggestedFilename);
        await certificate.SaveAsAsync(certificatePath);
        var certificateHtml = await File.ReadAllTextAsync(certificatePath);
        Assert.Contains("<h1>Deletion certificate</h1>", certificateHtml, StringComparison.Ordinal);
        Assert.Contains($"Request {deletion}: Completed", certificateHtml, StringComparison.Ordinal);
        var screenshot = Path.Combine(OutputFolder(), "staff-console.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        output.WriteLine($"Screenshot of the staff console: {screenshot}");
        Console.WriteLine($"Screenshot of the staff console: {screenshot}");

        Assert.Empty(dialogs);
    }

    private static string OutputFolder()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "browser-output");
        Directory.CreateDirectory(folder);
        return folder;
    }
}

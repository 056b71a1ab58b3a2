using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Comintech.Dsr.Hosting;
using Comintech.Dsr.Http;
using Comintech.Dsr.LocalEngine.Demo;
using Comintech.Dsr.Staff;
using Comintech.Dsr.StaffAccess;
using Comintech.Dsr.Testing;

namespace Comintech.Dsr.LocalEngine.Tests;

/// <summary>The engine with a fixed staff key and the approval gate on for deletions.</summary>
public sealed class StaffEngineFixture : EngineFixture
{
    public const string ApiKey = "staff-api-tests-key-0123456789";

    protected override IDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["Staff__ApiKey"] = ApiKey,
        ["Dsr__Approval__RequiredFor__0"] = "deletion",
    };
}

/// <summary>The staff API through the local engine over HTTP: authentication, the gate, extensions, the log, the audit.</summary>
public sealed class StaffApiTests(StaffEngineFixture fixture) : IClassFixture<StaffEngineFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    private EngineProcess Engine => fixture.Engine;

    private static HttpRequestMessage Staff(HttpMethod method, string path, object? body = null, string? key = StaffEngineFixture.ApiKey)
    {
        var message = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (key is not null)
        {
            message.Headers.Add(StaffAuthenticator.ApiKeyHeader, key);
        }

        if (body is not null)
        {
            message.Content = JsonContent.Create(body);
        }

        return message;
    }

    private async Task<JsonElement> StaffJsonAsync(string path)
    {
        using var response = await Engine.Http.SendAsync(Staff(HttpMethod.Get, path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<HttpStatusCode> PostAsync(string path, object? body, string? key = StaffEngineFixture.ApiKey)
    {
        using var response = await Engine.Http.SendAsync(Staff(HttpMethod.Post, path, body, key));
        return response.StatusCode;
    }

    private async Task<string> VerifiedDeletionAsync(DemoPerson person)
    {
        var id = await Engine.SubmitAsync(new { type = "deletion", email = person.Email, fullName = person.FullName, accountId = person.AccountId });
        using var verified = await Engine.VerifyAsync(id, await Engine.CodeAsync(id));
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        await Engine.WaitForStatusAsync(id, "AwaitingApproval", Wait);
        return id;
    }

    /// <summary>Every staff API route of the route table, with its parameters filled in.</summary>
    public static TheoryData<string, string> StaffRoutes()
    {
        var data = new TheoryData<string, string>();
        foreach (var route in DsrRoutes.All.Where(r => r.Access == RouteAccess.Staff))
        {
            data.Add(route.Method, route.Pattern.Replace("{id}", "AAAAAAAAAAAAAAAAAAAAAAAAAAA", StringComparison.Ordinal)
                .Replace("{storeId}", "customer-accounts", StringComparison.Ordinal));
        }

        return data;
    }

    [Fact]
    public void The_enumerated_staff_routes_include_the_backup_restore()
    {
        Assert.Contains(StaffRoutes(), row => (string)row[0] == "POST" && (string)row[1] == "/api/staff/backups/restored");
        Assert.Equal(DsrRoutes.All.Count(r => r.Pattern.StartsWith("/api/staff/", StringComparison.Ordinal)), StaffRoutes().Count());
    }

    [Theory]
    [MemberData(nameof(StaffRoutes))]
    public async Task Every_staff_route_answers_401_without_the_key_or_with_a_wrong_one(string method, string path)
    {
        foreach (var key in new[] { null, "wrong-key", StaffEngineFixture.ApiKey + "x" })
        {
            using var response = await Engine.Http.SendAsync(Staff(new HttpMethod(method), path, new { reason = "x" }, key));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task The_openapi_description_is_served_without_credentials_and_lists_the_staff_routes()
    {
        using var response = await Engine.Http.GetAsync(new Uri(OpenApiDescription.Route, UriKind.Relative));
        var document = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var paths = document.GetProperty("paths");
        Assert.Equal(DsrRoutes.All.Select(r => r.Pattern).Distinct().Count(), paths.EnumerateObject().Count());
        Assert.True(paths.GetProperty("/api/staff/requests/{id}/approve").GetProperty("post").GetProperty("security").GetArrayLength() > 0);
    }

    [Fact]
    public async Task The_console_page_is_served_and_holds_no_data()
    {
        using var response = await Engine.Http.GetAsync(new Uri("/staff", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Privacy requests", html, StringComparison.Ordinal);
        Assert.DoesNotContain("@example", html, StringComparison.Ordinal);
        Assert.DoesNotContain("innerHTML", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approving_at_the_gate_completes_the_request_and_the_audit_says_who_and_why()
    {
        var id = await VerifiedDeletionAsync(DemoDataSeeder.People[1]);
        var todo = (await StaffJsonAsync("/api/staff/todo")).GetProperty("items").EnumerateArray().ToList();
        var waiting = Assert.Single(todo, i => i.GetProperty("requestId").GetString() == id);
        Assert.Equal(("approval", DemoDataSeeder.People[1].FullName), (waiting.GetProperty("kind").GetString(), waiting.GetProperty("fullName").GetString()));
        using (var early = await Engine.Http.SendAsync(Staff(HttpMethod.Get, $"/api/staff/requests/{id}/certificate")))
        {
            Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        }

        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync($"/api/staff/requests/{id}/extend", new { reason = " " }));
        Assert.Equal(HttpStatusCode.OK, await PostAsync($"/api/staff/requests/{id}/approve", new { reason = "Checked the account holder" }));
        await Engine.WaitForStatusAsync(id, "Completed", Wait);
        Assert.Equal(HttpStatusCode.Conflict, await PostAsync($"/api/staff/requests/{id}/approve", null));
        Assert.Equal(HttpStatusCode.Conflict, await PostAsync($"/api/staff/requests/{id}/stores/customer-accounts/rerun", null));
        Assert.Equal(HttpStatusCode.NotFound, await PostAsync($"/api/staff/requests/{id}/stores/no-such-store/rerun", null));

        var detail = await StaffJsonAsync($"/api/staff/requests/{id}");
        Assert.Equal(DemoDataSeeder.People[1].FullName, detail.GetProperty("summary").GetProperty("fullName").GetString());
        Assert.True(detail.GetProperty("chain").GetProperty("isIntact").GetBoolean());
        var events = detail.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("eventType").GetString()).ToList();
        Assert.Contains("approval.requested", events);
        Assert.Contains("approval.granted", events);
        Assert.Equal("request.completed", events[^1]);
        var audit = detail.GetProperty("audit").EnumerateArray().ToList();
        var approval = Assert.Single(audit, a => a.GetProperty("action").GetString() == "approve");
        Assert.Equal("api-key", approval.GetProperty("actor").GetString());
        Assert.Equal("Checked the account holder", approval.GetProperty("reason").GetString());
        Assert.Contains(audit, a => a.GetProperty("action").GetString() == "view-detail");
        Assert.Equal(6, detail.GetProperty("stores").GetArrayLength());
        var sentences = detail.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("sentence").GetString()).ToList();
        Assert.Contains("Verification code sent", sentences);
        Assert.Contains("Approved by api-key", sentences);
        Assert.Contains(sentences, s => s!.StartsWith("Store customer-accounts: ", StringComparison.Ordinal));
        var after = (await StaffJsonAsync("/api/staff/todo")).GetProperty("items").EnumerateArray();
        Assert.DoesNotContain(after, i => i.GetProperty("requestId").GetString() == id);

        using var html = await Engine.Http.SendAsync(Staff(HttpMethod.Get, $"/api/staff/requests/{id}/certificate"));
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("attachment", html.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"{id}-deletion-certificate.html", html.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains("<h1>Deletion certificate</h1>", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var json = await StaffJsonAsync($"/api/staff/requests/{id}/certificate?format=json");
        Assert.Equal(id, json.GetProperty("requestId").GetString());
        using (var wrongFormat = await Engine.Http.SendAsync(Staff(HttpMethod.Get, $"/api/staff/requests/{id}/certificate?format=pdf")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrongFormat.StatusCode);
        }

        using (var noPackage = await Engine.Http.SendAsync(Staff(HttpMethod.Get, $"/api/staff/requests/{id}/package")))
        {
            Assert.Equal(HttpStatusCode.NotFound, noPackage.StatusCode);
        }

        var downloads = (await StaffJsonAsync($"/api/staff/requests/{id}")).GetProperty("audit").EnumerateArray();
        Assert.Contains(downloads, a => a.GetProperty("action").GetString() == StaffConsoleHandlers.DownloadCertificateAction);
    }

    [Fact]
    public async Task A_denial_needs_a_reason_sends_it_to_the_person_and_appears_in_the_csv_log()
    {
        var id = await VerifiedDeletionAsync(DemoDataSeeder.People[2]);

        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync($"/api/staff/requests/{id}/deny", new { }));
        Assert.Equal(HttpStatusCode.OK, await PostAsync($"/api/staff/requests/{id}/deny", new { reason = "Records under legal hold, case 42" }));
        Assert.Equal(HttpStatusCode.Conflict, await PostAsync($"/api/staff/requests/{id}/approve", null)); // decided already
        await Engine.WaitForStatusAsync(id, "Denied", Wait);

        var notice = await MailPickup.WaitForAsync(Engine.PickupDirectory, $"{id}.denied.eml", Wait);
        Assert.Contains("Records under legal hold, case 42", notice.TextBody, StringComparison.Ordinal);

        using var export = await Engine.Http.SendAsync(Staff(HttpMethod.Get, "/api/staff/export"));
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var lines = (await export.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', RequestLogCsv.Columns), lines[0]);
        var row = Assert.Single(lines, l => l.StartsWith(id, StringComparison.Ordinal));
        Assert.Contains(",deletion,Api,GDPR,Denied,denied,", row, StringComparison.Ordinal);
        Assert.EndsWith(",\"Records under legal hold, case 42\"", row, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoDataSeeder.People[2].Email, string.Join('\n', lines), StringComparison.Ordinal);

        var metrics = await StaffJsonAsync("/api/staff/metrics");
        var deletion = metrics.GetProperty("types").EnumerateArray().Single(t => t.GetProperty("type").GetString() == "deletion");
        Assert.True(deletion.GetProperty("denied").GetInt32() >= 1);
    }

    [Fact]
    public async Task An_extension_moves_the_deadline_once_and_sends_the_reasoned_notice()
    {
        var ada = DemoDataSeeder.People[0];
        var id = await Engine.SubmitAsync(new { type = "access", email = ada.Email, fullName = ada.FullName, jurisdiction = "CCPA" });
        var before = await StaffJsonAsync($"/api/staff/requests/{id}");
        var expected = before.GetProperty("deadline").GetProperty("extendedDueAt").GetDateTimeOffset();

        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync($"/api/staff/requests/{id}/extend", new { reason = 5 }));
        Assert.Equal(HttpStatusCode.OK, await PostAsync($"/api/staff/requests/{id}/extend", new { reason = "Records in three archives" }));
        Assert.Equal(HttpStatusCode.Conflict, await PostAsync($"/api/staff/requests/{id}/extend", new { reason = "Again" }));

        var status = await Engine.StatusAsync(id);
        Assert.Equal(expected, status.GetProperty("dueAt").GetDateTimeOffset());
        Assert.Equal(90, (expected.Date - status.GetProperty("receivedAt").GetDateTimeOffset().UtcDateTime.Date).Days);
        var notice = await MailPickup.WaitForAsync(Engine.PickupDirectory, $"{id}.extension.eml", Wait);
        Assert.Contains("Records in three archives", notice.TextBody, StringComparison.Ordinal);

        var list = await StaffJsonAsync($"/api/staff/requests?id={id}");
        var summary = Assert.Single(list.GetProperty("requests").EnumerateArray());
        Assert.True(summary.GetProperty("extended").GetBoolean());
        Assert.Contains("AwaitingApproval", list.GetProperty("statuses").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task An_unclear_email_waits_in_triage_until_staff_classify_it_then_runs_like_a_web_request()
    {
        const string address = "triage.person@example.net";
        var raw = TestMail.Raw(address, "A question", "Hello, is your shop open on Sunday?");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(raw), "email" } };
        using var posted = await Engine.Http.PostAsync(new Uri("/api/inbound/sendgrid", UriKind.Relative), form);
        var answer = await posted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var id = answer.GetProperty("requestId").GetString()!;
        Assert.Equal("NeedsTriage", (await Engine.StatusAsync(id)).GetProperty("status").GetString());
        var detail = await StaffJsonAsync($"/api/staff/requests/{id}");
        Assert.Contains("classify", detail.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));

        Assert.Equal(HttpStatusCode.Unauthorized, await PostAsync($"/api/staff/requests/{id}/classify", new { type = "access" }, key: null));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync($"/api/staff/requests/{id}/classify", new { type = "erase" }));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync($"/api/staff/requests/{id}/classify", new { type = "correction" }));
        Assert.Equal(HttpStatusCode.OK, await PostAsync($"/api/staff/requests/{id}/classify", new { type = "access" }));
        Assert.Equal(HttpStatusCode.Conflict, await PostAsync($"/api/staff/requests/{id}/classify", new { type = "deletion" }));

        using var verified = await Engine.VerifyAsync(id, await Engine.CodeAsync(id));
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var done = await Engine.WaitForStatusAsync(id, "Completed", Wait);
        Assert.Equal("access", done.GetProperty("type").GetString());
        var after = await StaffJsonAsync($"/api/staff/requests/{id}");
        Assert.Contains(after.GetProperty("audit").EnumerateArray(), a => a.GetProperty("action").GetString() == StaffActions.Classify);
        Assert.Contains(after.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("eventType").GetString() == "request.classified");
    }

    [Fact]
    public async Task Bad_filters_are_400_and_unknown_requests_404()
    {
        using var bad = await Engine.Http.SendAsync(Staff(HttpMethod.Get, "/api/staff/requests?type=erasure&dueWithinDays=soon"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var unknown = await Engine.Http.SendAsync(Staff(HttpMethod.Get, "/api/staff/requests/AAAAAAAAAAAAAAAAAAAAAAAAAAA"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}

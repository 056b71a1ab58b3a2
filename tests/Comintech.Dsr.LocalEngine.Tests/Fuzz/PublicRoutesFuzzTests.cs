using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Comintech.Dsr.Testing;
using Xunit.Abstractions;

namespace Comintech.Dsr.LocalEngine.Tests.Fuzz;

/// <summary>The engine with the inbox key set, so fuzzed mail reaches the parser.</summary>
public sealed class FuzzEngineFixture : EngineFixture
{
    public const string WebhookKey = "fuzz-webhook-key-0123456789abcdef";

    protected override IDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["Dsr__Inbox__WebhookKey"] = WebhookKey,
        ["Logging__LogLevel__Default"] = "Error",
    };
}

/// <summary>
/// Over 10,000 generated and mutated inputs (fixed seed) to every public and partner route, JSON, form, multipart and
/// real-world MIME (the Python e-mail package's test messages, from Debian's libpython3.11-testsuite, which ./test.sh
/// installs): none may answer 5xx or leave an unhandled exception in the engine's log.
/// </summary>
public sealed class PublicRoutesFuzzTests(FuzzEngineFixture fixture, ITestOutputHelper output) : IClassFixture<FuzzEngineFixture>
{
    public const string MimeCorpus = "/usr/lib/python3.11/test/test_email/data";
    private const int Inputs = 10_000;
    private const int Parallel = 8;

    [Fact]
    public async Task Ten_thousand_fuzzed_inputs_get_no_5xx_and_no_unhandled_exception()
    {
        Assert.True(Directory.Exists(MimeCorpus), $"{MimeCorpus} is missing: ./test.sh installs Debian's libpython3.11-testsuite (apt-get install libpython3.11-testsuite).");
        var corpus = Directory.GetFiles(MimeCorpus).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        Assert.True(corpus.Count >= 20, $"Only {corpus.Count} messages in {MimeCorpus}.");
        var known = await fixture.Engine.SubmitAsync(new { type = "access", email = "fuzz.known@example.com", fullName = "Fuzz Known" });
        var inputs = new FuzzInputs(11, corpus, known, FuzzEngineFixture.WebhookKey).Generate(Inputs).ToList();

        var statuses = new ConcurrentDictionary<string, int>();
        var failures = new ConcurrentQueue<string>();
        var queue = new ConcurrentQueue<FuzzInput>(inputs);
        using var http = new HttpClient { BaseAddress = new Uri(fixture.Engine.BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Parallel).Select(async _ =>
        {
            while (queue.TryDequeue(out var input))
            {
                try
                {
                    using var request = input.ToMessage();
                    using var response = await http.SendAsync(request);
                    await response.Content.ReadAsByteArrayAsync();
                    var code = (int)response.StatusCode;
                    statuses.AddOrUpdate($"{input.Kind} {code}", 1, (_, n) => n + 1);
                    if (code >= 500)
                    {
                        failures.Enqueue($"{code} {input.Method} {input.Path} ({input.ContentType}, {input.Body?.Length ?? 0} bytes)");
                    }
                }
                catch (HttpRequestException ex)
                {
                    failures.Enqueue($"{ex.GetType().Name} {input.Method} {input.Path}: {ex.Message}");
                }
            }
        }));
        clock.Stop();

        var fiveHundreds = statuses.Where(s => s.Key.Split(' ')[1].StartsWith('5')).Sum(s => s.Value);
        var summary = $"fuzz: {inputs.Count} inputs, {fiveHundreds} x 5xx, {failures.Count} transport failures, {clock.Elapsed.TotalSeconds:F1} s";
        output.WriteLine(summary);
        Console.WriteLine(summary);
        foreach (var (key, count) in statuses.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {key}: {count}");
        }

        Assert.True(failures.IsEmpty, string.Join('\n', failures.Take(20)));
        Assert.True(inputs.Count >= Inputs);
        Assert.DoesNotContain("unhandled exception", fixture.Engine.Output, StringComparison.OrdinalIgnoreCase);
        using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}

using Comintech.Dsr.Storage;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;

namespace Comintech.Dsr.Testing.Chaos;

/// <summary>How big a chaos run is. <paramref name="Seed"/> fixes the kill moments.</summary>
public sealed record ChaosOptions(int Requests, int Kills, int Seed, TimeSpan Timeout, TextWriter Log)
{
    /// <summary>Gap before each kill, drawn uniformly from this range.</summary>
    public (TimeSpan Min, TimeSpan Max) KillGap { get; init; } = (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(6));

    public int ParallelSubmissions { get; init; } = 8;
}

/// <summary>
/// The local engine on fresh Azurite storage with a twelve-store data map: N deletion requests are submitted and
/// verified over HTTP while the engine is killed with SIGKILL K times at random moments and restarted each time on the
/// same storage and task hub; then it waits for every request to finish and audits storage and the mailbox.
/// </summary>
public sealed class ChaosRun : IAsyncDisposable
{
    private readonly ChaosOptions options;
    private readonly Random random;
    private readonly AzuriteFixture azurite = new();
    private readonly string folder = Directory.CreateTempSubdirectory("dsr-chaos-").FullName;
    private readonly string hub = "chaos" + Guid.NewGuid().ToString("N")[..8];
    private readonly ConcurrentDictionary<string, DateTimeOffset> completions = new();
    private readonly List<DateTimeOffset> restarts = [];
    private readonly ConcurrentDictionary<string, DateTimeOffset> verifiedAt = new();
    private readonly List<EngineProcess> retired = [];
    private string dataMap = "";
    private volatile EngineProcess engine = null!;

    private ChaosRun(ChaosOptions options)
    {
        this.options = options;
        random = new Random(options.Seed);
    }

    private string Pickup => Path.Combine(folder, "mail");

    public static async Task<ChaosReport> RunAsync(ChaosOptions options)
    {
        await using var run = new ChaosRun(options);
        return await run.RunAsync();
    }

    private async Task<ChaosReport> RunAsync()
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(Pickup);
        await azurite.InitializeAsync();
        dataMap = await ChaosDataMap.WriteAsync(folder);
        await ChaosDataMap.SeedAsync(azurite.Storage, options.Requests);
        engine = await StartEngineAsync();
        options.Log.WriteLine($"engine up on fresh storage (hub {hub}); {ChaosDataMap.StoreCount} stores seeded with {options.Requests} people");

        using var stop = new CancellationTokenSource(options.Timeout);
        var watcher = WatchCompletionsAsync(stop.Token);
        var killer = KillRepeatedlyAsync(stop.Token);
        using var gate = new SemaphoreSlim(options.ParallelSubmissions);
        var requests = await Task.WhenAll(Enumerable.Range(0, options.Requests).Select(person => SubmitAndVerifyAsync(person, gate, stop.Token)));
        options.Log.WriteLine($"{requests.Length} requests submitted and verified after {clock.Elapsed.TotalSeconds:0} s");
        await killer;
        await WaitForAllFinalAsync(requests.Select(r => r.Id).ToList(), stop.Token);
        await stop.CancelAsync();
        await watcher;

        foreach (var (process, start) in retired.Append(engine).Select((p, i) => (p, i)))
        {
            var taken = process.Output.Split('\n').Where(l => l.Contains("Partition", StringComparison.Ordinal) && l.Contains(" taken ", StringComparison.Ordinal)).Select(l => l.Trim());
            options.Log.WriteLine($"engine start {start}: {string.Join("; ", taken)}");
        }

        var findings = await Task.WhenAll(requests.Select(r => ChaosAudit.CheckAsync(azurite.Storage, r.Id, r.Person, Pickup)));
        var stalls = Stalls(requests.Length);
        return new ChaosReport(
            options.Requests,
            options.Kills,
            findings.Count(f => f.Final),
            findings.Count(f => f.ChainIntact),
            findings.Count(f => f.MissingStoreOutcome),
            findings.Count(f => f.StatusDisagrees),
            findings.Count(f => f.Duplicated),
            findings.Count(f => f.NotErased),
            stalls.Count == 0 ? null : stalls.Max(),
            stalls,
            LongestQuiet(),
            await InterruptedSubmissionsAsync(requests.Length),
            clock.Elapsed);
    }

    private async Task<EngineProcess> StartEngineAsync()
    {
        var next = new EngineProcess(azurite.ConnectionString, hub, new Dictionary<string, string>
        {
            ["DataMap__File"] = dataMap,
            ["Engine__SeedDemoData"] = "false",
            ["Dsr__Mail__PickupDirectory"] = Pickup,
            ["Logging__LogLevel__Comintech.Dsr.LocalEngine"] = "Information",
        });
        await next.StartAsync();
        return next;
    }

    private async Task KillRepeatedlyAsync(CancellationToken cancellationToken)
    {
        for (var kill = 1; kill <= options.Kills; kill++)
        {
            var (min, max) = options.KillGap;
            await Task.Delay(min + ((max - min) * random.NextDouble()), cancellationToken);
            var open = options.Requests - completions.Count;
            await engine.KillAsync();
            retired.Add(engine);
            engine = await StartEngineAsync();
            lock (restarts)
            {
                restarts.Add(DateTimeOffset.UtcNow);
            }

            options.Log.WriteLine($"kill {kill}: SIGKILL with {open} request(s) not yet completed; engine restarted");
        }
    }

    private async Task<(string Id, int Person)> SubmitAndVerifyAsync(int person, SemaphoreSlim gate, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var body = new { type = "deletion", email = ChaosDataMap.Email(person), fullName = ChaosDataMap.FullName(person), accountId = ChaosDataMap.AccountId(person) };
            using var submitted = await SendAsync(http => http.PostAsJsonAsync(new Uri("/api/requests", UriKind.Relative), body, cancellationToken), cancellationToken);
        }
        finally
        {
            gate.Release();
        }

        // A submission re-sent after a kill cut its answer joins the open request (answered with an alias id): the
        // person's code mail names the request itself.
        var (id, code) = await MailPickup.WaitForCodeToAsync(Pickup, ChaosDataMap.Email(person), options.Timeout);
        using var verified = await SendAsync(http => http.PostAsJsonAsync(new Uri($"/api/requests/{id}/verify", UriKind.Relative), new { code }, cancellationToken), cancellationToken);
        verifiedAt[id] = DateTimeOffset.UtcNow;
        return (id, person);
    }

    /// <summary>Sends to whichever engine is up, again after a refused connection or a 5xx (the engine was killed meanwhile).</summary>
    private async Task<HttpResponseMessage> SendAsync(Func<HttpClient, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                var response = await send(engine.Http);
                if ((int)response.StatusCode < 500)
                {
                    return response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted
                        ? response
                        : throw new InvalidOperationException($"The engine answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                }

                response.Dispose();
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // The engine is down or restarting.
            }

            await Task.Delay(500, cancellationToken);
        }
    }

    private async Task WatchCompletionsAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            foreach (var file in Directory.EnumerateFiles(Pickup, "*.final.eml"))
            {
                completions.TryAdd(Path.GetFileName(file), DateTimeOffset.UtcNow);
            }

            try
            {
                await Task.Delay(250, cancellationToken);
            }
            catch (TaskCanceledException)
            {
                return;
            }
        }
    }

    private async Task WaitForAllFinalAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var open = ids.ToHashSet();
        while (open.Count > 0)
        {
            foreach (var id in open.ToList())
            {
                var row = (await azurite.Storage.Requests.GetEntityAsync<TableEntity>(id, OwnRowKey.For("request", id), cancellationToken: cancellationToken)).Value;
                if (row.GetString("Status") is "Completed" or "CompletedWithExceptions" or "IdentityNotVerified" or "Denied")
                {
                    open.Remove(id);
                }
            }

            if (open.Count > 0)
            {
                try
                {
                    await Task.Delay(1000, cancellationToken);
                }
                catch (TaskCanceledException)
                {
                    options.Log.WriteLine($"timed out with {open.Count} request(s) not final");
                    return;
                }
            }
        }
    }

    /// <summary>For each restart with a request still open: the time until the next request completed.</summary>
    private List<TimeSpan> Stalls(int requests)
    {
        var done = completions.Values.Order().ToList();
        var end = DateTimeOffset.UtcNow;
        var stalls = new List<TimeSpan>();
        foreach (var restart in restarts)
        {
            if (done.Count(t => t <= restart) >= requests)
            {
                continue;
            }

            var next = done.FirstOrDefault(t => t > restart);
            stalls.Add((next == default ? end : next) - restart);
        }

        return stalls;
    }

    /// <summary>The longest time in which a verified request was open and no request completed.</summary>
    private TimeSpan LongestQuiet()
    {
        var done = completions.ToDictionary(c => c.Key[..^".final.eml".Length], c => c.Value);
        var times = done.Values.Order().ToList();
        var longest = TimeSpan.Zero;
        for (var i = 0; i < times.Count; i++)
        {
            var waitingSince = verifiedAt.Where(v => done.GetValueOrDefault(v.Key, DateTimeOffset.MaxValue) >= times[i]).Select(v => v.Value).DefaultIfEmpty(times[i]).Min();
            var from = i == 0 ? waitingSince : (times[i - 1] > waitingSince ? times[i - 1] : waitingSince);
            longest = times[i] - from > longest ? times[i] - from : longest;
        }

        return longest;
    }

    /// <summary>Requests stored although the person never got the answer (the engine died mid-submission) and sent again.</summary>
    private async Task<int> InterruptedSubmissionsAsync(int known)
    {
        var stored = 0;
        await foreach (var _ in azurite.Storage.Requests.QueryAsync<TableEntity>("RowKey eq 'request'", select: ["PartitionKey"]))
        {
            stored++;
        }

        return stored - known;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in retired.Append(engine).Where(p => p is not null))
        {
            await process.DisposeAsync();
        }

        await azurite.DisposeAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}

using System.Text.Json;
using Comintech.Dsr.LocalEngine.Engine;
using Comintech.Dsr.Telemetry;
using Comintech.Dsr.Testing;
using Comintech.Dsr.Testing.Chaos;

namespace Comintech.Dsr.Bench.Storm;

/// <summary>
/// The local engine as an operator runs it, on fresh Azurite storage, with a data map of AzureTable stores each seeded
/// with the plan's people (read by key, or with <c>--scan 1</c> found by a scan): deletion requests submitted and verified over HTTP, completion seen by the final notice mail.
/// </summary>
public static class EngineStorm
{
    public static async Task<StormResult> RunAsync(StormPlan plan, TextWriter log)
    {
        var azurite = new AzuriteFixture { TaskHubTablesApart = plan.TaskHubApart };
        var folder = Directory.CreateTempSubdirectory("dsr-storm-").FullName;
        try
        {
            await azurite.InitializeAsync();
            var dataMap = await ChaosDataMap.WriteAsync(folder, plan.Stores, plan.Keyed);
            await ChaosDataMap.SeedAsync(azurite.Storage, plan.People, plan.Stores, plan.Keyed);
            var tally = Path.Combine(folder, "transactions.json");
            await using var engine = new EngineProcess(azurite.ConnectionString, "storm" + Guid.NewGuid().ToString("N")[..8], new Dictionary<string, string>
            {
                ["DataMap__File"] = dataMap,
                ["Engine__SeedDemoData"] = "false",
                ["Engine__TransactionCountFile"] = tally,
                ["Engine__TaskHubStorage"] = azurite.TaskHubConnectionString,
            });
            await engine.StartAsync();
            var (idle, before) = await IdleAsync(tally);
            var counting = DateTimeOffset.UtcNow;

            var cpu = CpuUse.Now(azurite.Processes, engine.ProcessId);
            var driver = new StormDriver(plan, log);
            using var stop = new CancellationTokenSource();
            var watcher = WatchAsync(engine.PickupDirectory, driver, stop.Token);
            var (elapsed, latencies) = await driver.RunAsync(
                person => engine.SubmitAsync(new
                {
                    type = "deletion", email = ChaosDataMap.Email(person), fullName = ChaosDataMap.FullName(person), accountId = ChaosDataMap.AccountId(person),
                }),
                async id =>
                {
                    var mail = await MailPickup.WaitForAsync(engine.PickupDirectory, $"{id}.code-1.eml", plan.Timeout);
                    using var response = await engine.VerifyAsync(id, MailPickup.CodeIn(mail));
                    response.EnsureSuccessStatusCode();
                });
            var used = CpuUse.Now(azurite.Processes, engine.ProcessId).Since(cpu);
            await stop.CancelAsync();
            await watcher;
            await Task.Delay(1500);
            var after = await ReadAsync(tally);
            await StormProbe.PrintAsync(azurite, log);
            return new StormResult(
                plan.Label, plan.Requests, latencies.Count, elapsed, latencies, StormResult.Difference(after, before), idle, DateTimeOffset.UtcNow - counting)
            {
                Cpu = used,
            };
        }
        finally
        {
            await azurite.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The backend's polling and lease renewals with nothing to do, per second; and the tally when counting starts.</summary>
    private static async Task<(double PerSecond, IReadOnlyDictionary<StorageTransactionKey, long> Tally)> IdleAsync(string tally)
    {
        await Task.Delay(TimeSpan.FromSeconds(3));
        var first = await ReadAsync(tally);
        await Task.Delay(TimeSpan.FromSeconds(6));
        var second = await ReadAsync(tally);
        return (StormResult.Difference(second, first).Values.Sum() / 6.0, second);
    }

    private static async Task<IReadOnlyDictionary<StorageTransactionKey, long>> ReadAsync(string tally)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var rows = JsonSerializer.Deserialize<List<TransactionCount>>(await File.ReadAllTextAsync(tally)) ?? [];
                return rows.ToDictionary(r => new StorageTransactionKey(r.Service, r.Resource, r.Step), r => r.Count);
            }
            catch (IOException) when (attempt < 20)
            {
                await Task.Delay(250);
            }
        }
    }

    private static async Task WatchAsync(string pickup, StormDriver driver, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            foreach (var file in Directory.EnumerateFiles(pickup, "*.final.eml"))
            {
                driver.Completed.TryAdd(Path.GetFileName(file).Split('.')[0], DateTimeOffset.UtcNow);
            }

            try
            {
                await Task.Delay(200, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

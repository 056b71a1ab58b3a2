namespace Comintech.Dsr.Bench.Storm;

/// <summary>
/// <c>./bench.sh storm</c>: a storm of deletion requests on the local engine; optionally a smaller storm (the throughput
/// ratio), the engine floor with as many requests (the ratio to it; <c>--floor 2</c> also the floor of the shape with
/// one activity per store) and a steady arrival rate (latency under load). The stores are read by key (<c>Lookup =
/// Key</c>, rows keyed by e-mail), or with <c>--scan 1</c> found by scanning each table.
/// Every run starts on fresh storage: Azurite as the local engine starts it, the task hub's tables in a table service of
/// their own (with <c>--taskhub-apart 0</c> beside the data's).
/// </summary>
public static class StormBench
{
    public static async Task<int> RunAsync(IReadOnlyDictionary<string, int> settings, TextWriter log)
    {
        var requests = settings["--requests"];
        var stores = settings["--stores"];
        var timeout = TimeSpan.FromMinutes(settings["--timeout-minutes"]);
        StormPlan Plan(string label, int n, TimeSpan? interval = null) => new(label, n, stores, Math.Max(n, settings["--people"]), interval, timeout, settings["--scan"] == 0, settings["--taskhub-apart"] != 0);

        var storm = await EngineStorm.RunAsync(Plan($"storm of {requests}", requests), log);
        StormReport.Summary(storm, log);
        var runs = new List<StormResult> { storm };
        if (settings["--small"] > 0)
        {
            var small = await EngineStorm.RunAsync(Plan($"storm of {settings["--small"]}", settings["--small"]), log);
            StormReport.Summary(small, log);
            runs.Add(small);
        }

        // The floor is not bound by the cores but by the backend's polling and batching, so it varies from run to run:
        // --floor-runs N repeats it, and the ratio is taken to the fastest run (the least flattering one).
        for (var run = 1; settings["--floor"] > 0 && run <= Math.Max(1, settings["--floor-runs"]); run++)
        {
            var floor = await FloorStorm.RunAsync(Plan($"engine floor, {requests}" + (settings["--floor-runs"] > 1 ? $" (run {run})" : ""), requests), log);
            StormReport.Summary(floor, log);
            runs.Add(floor);
        }

        if (settings["--floor"] > 1)
        {
            var perStore = await FloorStorm.RunAsync(Plan($"engine floor with one activity per store, {requests}", requests), log, perStore: true);
            StormReport.Summary(perStore, log);
            runs.Add(perStore);
        }

        if (settings["--steady-minutes"] > 0)
        {
            var rate = Math.Max(1, settings["--steady-rate"]);
            var steady = await EngineStorm.RunAsync(
                Plan($"steady {rate}/s for {settings["--steady-minutes"]} min", settings["--steady-minutes"] * 60 * rate, TimeSpan.FromSeconds(1.0 / rate)), log);
            StormReport.Summary(steady, log);
            runs.Add(steady);
        }

        log.WriteLine();
        log.WriteLine("=== figures ===");
        runs.ForEach(run => StormReport.Summary(run, log));
        if (settings["--small"] > 0)
        {
            StormReport.Ratio($"throughput at {requests} / throughput at {settings["--small"]}", storm.Throughput / runs[1].Throughput, log);
        }

        var floors = runs.Where(r => r.Label.StartsWith($"engine floor, {requests}", StringComparison.Ordinal)).ToList();
        if (floors.MaxBy(r => r.Throughput) is { } floorRun)
        {
            if (floors.Count > 1)
            {
                StormReport.Ratio("throughput / each engine floor run's throughput", floors.Select(f => storm.Throughput / f.Throughput), log);
            }

            StormReport.Ratio(floors.Count > 1 ? "throughput / the fastest engine floor run's throughput" : "throughput / engine floor throughput", storm.Throughput / floorRun.Throughput, log);
            StormReport.Transactions(floorRun, log);
        }

        StormReport.Transactions(storm, log);
        return runs.All(r => r.Completed == r.Requests) ? 0 : 1;
    }
}

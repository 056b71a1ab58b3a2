using System.Globalization;
using Comintech.Dsr.Telemetry;

namespace Comintech.Dsr.Bench.Storm;

/// <summary>Prints a run's figures: throughput, latency, transactions per request by service and table and by step.</summary>
public static class StormReport
{
    public static void Summary(StormResult run, TextWriter log)
    {
        var (gross, net) = run.TransactionsPerRequest;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{run.Label}: {run.Completed}/{run.Requests} completed in {run.Elapsed.TotalSeconds:0.0} s = {run.Throughput:0.00} requests/s; " +
            $"verified → completed p50 {run.Percentile(0.5):0.00} s, p95 {run.Percentile(0.95):0.00} s; " +
            $"storage transactions per request {gross:0} ({net:0} without idle polling: {run.IdlePerSecond:0.0}/s)"));
        if (run.Cpu is { } cpu)
        {
            var wall = run.Elapsed.TotalSeconds;
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  CPU over the {wall:0} s (one core = 100 %): Azurite {100 * cpu.Azurite / wall:0} % ({1000 * cpu.Azurite / Math.Max(1, run.Completed):0} ms per request), " +
                $"engine {100 * cpu.Engine / wall:0} % ({1000 * cpu.Engine / Math.Max(1, run.Completed):0} ms per request), driver {100 * cpu.Driver / wall:0} %"));
            log.WriteLine("  Azurite per service: " + string.Join(", ", cpu.AzuriteServices.Select(s => string.Create(CultureInfo.InvariantCulture,
                $"{s.Key} {100 * s.Value / wall:0} % ({1000 * s.Value / Math.Max(1, run.Completed):0} ms per request)"))));
        }
    }

    public static void Transactions(StormResult run, TextWriter log)
    {
        log.WriteLine();
        log.WriteLine($"{run.Label}: storage transactions per request by service and table/container/queue");
        foreach (var group in run.Transactions.GroupBy(t => (t.Key.Service, Resource: Generalise(t.Key.Resource)))
            .Select(g => (g.Key, Count: g.Sum(t => t.Value))).OrderByDescending(g => g.Count))
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {group.Key.Service,-6} {group.Key.Resource,-44} {run.PerRequest(group.Count),8:0.0}"));
        }

        log.WriteLine();
        log.WriteLine($"{run.Label}: per step (workflow activity, HTTP route, or the engine's own work)");
        foreach (var step in run.Transactions.GroupBy(t => t.Key.Step).Select(g => (g.Key, Count: g.Sum(t => t.Value), Parts: g)).OrderByDescending(s => s.Count))
        {
            var parts = step.Parts.GroupBy(p => $"{p.Key.Service}:{Generalise(p.Key.Resource)}")
                .Select(p => (p.Key, Count: p.Sum(x => x.Value))).OrderByDescending(p => p.Count).Take(4)
                .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {run.PerRequest(p.Count):0.0}"));
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {step.Key,-52} {run.PerRequest(step.Count),8:0.0}   {string.Join(", ", parts)}"));
        }
    }

    /// <summary>The twelve store tables and the task hub's per-hub names read as one line each.</summary>
    private static string Generalise(string resource) =>
        resource.StartsWith("Chaos", StringComparison.Ordinal) ? "store tables (Chaos00..)" : resource;

    public static void Ratio(string what, double value, TextWriter log) =>
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: {value:0.00}"));

    public static void Ratio(string what, IEnumerable<double> values, TextWriter log) =>
        log.WriteLine(what + ": " + string.Join(", ", values.Select(v => v.ToString("0.00", CultureInfo.InvariantCulture))));

    public static IReadOnlyDictionary<StorageTransactionKey, long> Empty { get; } = new Dictionary<StorageTransactionKey, long>();
}

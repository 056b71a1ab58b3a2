using Comintech.Dsr.Telemetry;

namespace Comintech.Dsr.Bench.Storm;

/// <summary>What one run measured: completions, verified → completed latencies and the storage transactions counted meanwhile.</summary>
public sealed record StormResult(
    string Label,
    int Requests,
    int Completed,
    TimeSpan Elapsed,
    IReadOnlyList<double> LatencySeconds,
    IReadOnlyDictionary<StorageTransactionKey, long> Transactions,
    double IdlePerSecond,
    TimeSpan Counted)
{
    public double Throughput => Completed / Elapsed.TotalSeconds;

    /// <summary>CPU seconds of the emulator, the engine and the driver from the first submission to the last completion.</summary>
    public CpuUse? Cpu { get; init; }

    public double Percentile(double p)
    {
        if (LatencySeconds.Count == 0)
        {
            return double.NaN;
        }

        var sorted = LatencySeconds.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    public double PerRequest(long transactions) => (double)transactions / Math.Max(1, Completed);

    /// <summary>All transactions per request, and without the backend's idle polling over the same time.</summary>
    public (double Gross, double Net) TransactionsPerRequest
    {
        get
        {
            var total = Transactions.Values.Sum();
            return (PerRequest(total), PerRequest(total - (long)(IdlePerSecond * Counted.TotalSeconds)));
        }
    }

    public static IReadOnlyDictionary<StorageTransactionKey, long> Difference(
        IReadOnlyDictionary<StorageTransactionKey, long> after, IReadOnlyDictionary<StorageTransactionKey, long> before) =>
        after.Select(a => (a.Key, Count: a.Value - before.GetValueOrDefault(a.Key)))
            .Where(a => a.Count > 0)
            .ToDictionary(a => a.Key, a => a.Count);
}

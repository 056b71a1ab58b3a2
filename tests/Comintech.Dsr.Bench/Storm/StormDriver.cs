using System.Collections.Concurrent;
using System.Diagnostics;

namespace Comintech.Dsr.Bench.Storm;

/// <summary>
/// How requests arrive: all at once (eight submissions in flight), or one every <paramref name="Interval"/>; whether
/// the stores are read by key (<paramref name="Keyed"/>) or scanned.
/// </summary>
public sealed record StormPlan(string Label, int Requests, int Stores, int People, TimeSpan? Interval, TimeSpan Timeout, bool Keyed, bool TaskHubApart);

/// <summary>
/// Submits the plan's requests (at most eight submissions in flight when all come at once), verifies each as its code
/// arrives, and waits until each is seen completed; keeps the verified and completed times.
/// </summary>
public sealed class StormDriver(StormPlan plan, TextWriter log)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> verified = new();

    public ConcurrentDictionary<string, DateTimeOffset> Completed { get; } = new();

    public async Task<(TimeSpan Elapsed, List<double> Latencies)> RunAsync(Func<int, Task<string>> submit, Func<string, Task> verify)
    {
        var clock = Stopwatch.StartNew();
        var started = DateTimeOffset.UtcNow;
        using var gate = new SemaphoreSlim(8);
        var requests = Enumerable.Range(0, plan.Requests).Select(async person =>
        {
            if (plan.Interval is { } interval)
            {
                var due = interval * person - clock.Elapsed;
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due);
                }
            }
            else
            {
                await gate.WaitAsync();
            }

            string id;
            try
            {
                id = await submit(person);
            }
            finally
            {
                if (plan.Interval is null)
                {
                    gate.Release();
                }
            }

            await verify(id);
            verified[id] = DateTimeOffset.UtcNow;
            return id;
        }).ToList();
        var ids = await Task.WhenAll(requests);
        log.WriteLine($"  {plan.Label}: {ids.Length} submitted and verified after {clock.Elapsed.TotalSeconds:0} s");

        var deadline = DateTime.UtcNow + plan.Timeout;
        while (ids.Any(id => !Completed.ContainsKey(id)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        var done = ids.Where(Completed.ContainsKey).ToList();
        var last = done.Count == 0 ? DateTimeOffset.UtcNow : done.Max(id => Completed[id]);
        return (last - started, done.Select(id => (Completed[id] - verified[id]).TotalSeconds).ToList());
    }
}

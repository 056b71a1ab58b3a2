using Comintech.Dsr.Testing.Chaos;
using Xunit.Abstractions;

namespace Comintech.Dsr.LocalEngine.Tests;

/// <summary>A small chaos run (the full one is ./chaos.sh): nothing lost, nothing stale, nothing twice, prompt recovery.</summary>
public sealed class ChaosTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Twenty_requests_through_three_kills_all_complete_with_whole_evidence_and_nothing_twice()
    {
        using var log = new StringWriter();
        var report = await ChaosRun.RunAsync(new ChaosOptions(20, 3, 12, TimeSpan.FromMinutes(5), log));
        output.WriteLine(log.ToString());
        output.WriteLine(report.ToString());

        Assert.Equal(
            (20, 20, 0, 0, 0, 0),
            (report.Final, report.ChainsIntact, report.MissingStoreOutcomes, report.StatusEvidenceDisagreements, report.DuplicatedEffects, report.PeopleNotErased));
        Assert.All(report.StallsAfterRestarts, stall => Assert.True(stall <= TimeSpan.FromSeconds(30), $"No request completed for {stall} after a restart."));
        Assert.True(report.LongestQuiet <= TimeSpan.FromSeconds(30), $"Verified requests waited {report.LongestQuiet} with none completing.");
    }
}

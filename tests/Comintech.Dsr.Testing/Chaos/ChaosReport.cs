using System.Globalization;
using System.Text;

namespace Comintech.Dsr.Testing.Chaos;

/// <summary>What a chaos run found. Every figure but the first two and the times should be zero.</summary>
public sealed record ChaosReport(
    int Requests,
    int Kills,
    int Final,
    int ChainsIntact,
    int MissingStoreOutcomes,
    int StatusEvidenceDisagreements,
    int DuplicatedEffects,
    int PeopleNotErased,
    TimeSpan? LongestStallAfterRestart,
    IReadOnlyList<TimeSpan> StallsAfterRestarts,
    TimeSpan LongestQuiet,
    int InterruptedSubmissions,
    TimeSpan Elapsed)
{
    public bool AllGood =>
        Final == Requests && ChainsIntact == Requests && MissingStoreOutcomes == 0 && StatusEvidenceDisagreements == 0
        && DuplicatedEffects == 0 && PeopleNotErased == 0;

    public override string ToString()
    {
        static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
        return new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"requests submitted and verified:         {Requests}")
            .AppendLine(CultureInfo.InvariantCulture, $"engine kills (SIGKILL) and restarts:     {Kills}")
            .AppendLine(CultureInfo.InvariantCulture, $"requests final (Completed):              {Final}")
            .AppendLine(CultureInfo.InvariantCulture, $"evidence chains intact:                  {ChainsIntact}")
            .AppendLine(CultureInfo.InvariantCulture, $"requests with a missing store outcome:   {MissingStoreOutcomes}")
            .AppendLine(CultureInfo.InvariantCulture, $"status/evidence disagreements:           {StatusEvidenceDisagreements}")
            .AppendLine(CultureInfo.InvariantCulture, $"requests with a duplicated effect:       {DuplicatedEffects}")
            .AppendLine(CultureInfo.InvariantCulture, $"people still in a store after Completed: {PeopleNotErased}")
            .AppendLine(CultureInfo.InvariantCulture, $"longest stall after a restart:           {(LongestStallAfterRestart is { } s ? Seconds(s) : "n/a (nothing open at any restart)")}")
            .AppendLine(CultureInfo.InvariantCulture, $"stalls after each restart:               {string.Join(", ", StallsAfterRestarts.Select(Seconds))}")
            .AppendLine(CultureInfo.InvariantCulture, $"longest time with a verified request open and none completing: {Seconds(LongestQuiet)}")
            .AppendLine(CultureInfo.InvariantCulture, $"submissions cut by a kill and sent again: {InterruptedSubmissions} (stored, never verified; not counted above)")
            .AppendLine(CultureInfo.InvariantCulture, $"elapsed:                                 {Seconds(Elapsed)}")
            .ToString();
    }
}

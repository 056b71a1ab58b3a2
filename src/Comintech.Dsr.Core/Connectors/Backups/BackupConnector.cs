namespace Comintech.Dsr.Connectors.Backups;

/// <summary>
/// Backups, which cannot be edited. Erasure records the person in the restore-suppression ledger with the backup sets
/// that may still hold them; the data is beyond use until the last of those sets expires, and a restore re-applies the
/// erasure (<c>POST /api/staff/backups/restored</c>). Access reports which backup sets may hold data.
/// </summary>
/// <remarks>Settings: <c>RetentionDays</c>, <c>IntervalHours</c>, <c>Covers</c> (see <see cref="BackupSchedule"/>).</remarks>
public sealed class BackupConnector(RestoreSuppressionLedger ledger, ConnectorExports exports, TimeProvider clock) : IDataStoreConnector
{
    public const string KindName = "Backup";

    public string Kind => KindName;

    public async Task<ConnectorOutcome> ExportAsync(ConnectorRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var schedule = BackupSchedule.From(request.Store);
        var sets = schedule.SetsHeldAt(now);
        var records = new
        {
            note = "Backups are copies of the stores listed; they are kept for recovery only and deleted when they expire.",
            stores = schedule.Covers,
            backupSets = sets.Select(s => new { id = s.Id, takenAt = s.TakenAt, expiresAt = s.ExpiresAt }),
        };
        var path = await exports.WriteAsync(request, records, cancellationToken);
        return request.Outcome(OutcomeKind.Done, sets.Count, 0, $"{sets.Count} backup set(s) may hold data until {Until(sets, now)}.", path, now);
    }

    public Task<ConnectorOutcome> RectifyAsync(ConnectorRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sets = BackupSchedule.From(request.Store).SetsHeldAt(now);
        return Task.FromResult(request.Outcome(
            OutcomeKind.Retained, sets.Count, 0, $"Backups cannot be edited; they expire by {Until(sets, now)}.", null, now));
    }

    public async Task<ConnectorOutcome> EraseAsync(ConnectorRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var schedule = BackupSchedule.From(request.Store);
        var sets = schedule.SetsHeldAt(now);
        await ledger.RecordAsync(request.Store.Id, request.RequestId, request.Subject, request.LoginIps, schedule, sets, now, cancellationToken);
        return request.Outcome(
            OutcomeKind.Retained, sets.Count, 0,
            $"Beyond use until {Until(sets, now)}: {sets.Count} backup set(s) cannot be edited; a restore re-applies this erasure.", null, now);
    }

    public IEnumerable<string> ValidateSettings(DataStoreDefinition store) => BackupSchedule.Problems(store);

    private static string Until(IReadOnlyList<BackupSet> sets, DateTimeOffset now) =>
        (sets.Count == 0 ? now : sets.Max(s => s.ExpiresAt)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

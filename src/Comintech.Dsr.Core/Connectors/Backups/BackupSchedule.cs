namespace Comintech.Dsr.Connectors.Backups;

/// <summary>One backup set that may hold a person's data, and when it expires (is deleted by the backup rotation).</summary>
public sealed record BackupSet(string Id, DateTimeOffset TakenAt, DateTimeOffset ExpiresAt);

/// <summary>
/// A backup store's rotation, from its settings: <c>RetentionDays</c> (required), <c>IntervalHours</c> (default 24),
/// <c>Covers</c> (the store ids whose data the backups hold). Backup set ids are the UTC time each was taken,
/// <c>yyyyMMddTHHmmZ</c>.
/// </summary>
public sealed record BackupSchedule(TimeSpan Retention, TimeSpan Interval, IReadOnlyList<string> Covers)
{
    public static BackupSchedule From(DataStoreDefinition store)
    {
        var errors = Problems(store).ToList();
        if (errors.Count > 0)
        {
            throw new ConnectorException($"Store '{store.Id}': {errors[0]}");
        }

        return new BackupSchedule(
            TimeSpan.FromDays(int.Parse(store.Setting("RetentionDays")!, CultureInfo.InvariantCulture)),
            TimeSpan.FromHours(int.Parse(store.Setting("IntervalHours") ?? "24", CultureInfo.InvariantCulture)),
            CoversOf(store));
    }

    public static IEnumerable<string> Problems(DataStoreDefinition store)
    {
        if (!int.TryParse(store.Setting("RetentionDays"), NumberStyles.None, CultureInfo.InvariantCulture, out var days) || days is < 1 or > 3650)
        {
            yield return "Settings:RetentionDays is required: how many days each backup set is kept (1-3650).";
        }

        if (store.Setting("IntervalHours") is { } hours && (!int.TryParse(hours, NumberStyles.None, CultureInfo.InvariantCulture, out var h) || h is < 1 or > 24 * 31))
        {
            yield return "Settings:IntervalHours must be a whole number of hours between backups (1-744).";
        }

        if (CoversOf(store).Count == 0)
        {
            yield return "Settings:Covers is required: the ids of the stores these backups hold, comma separated.";
        }
    }

    /// <summary>The sets taken up to <paramref name="now"/> that have not expired yet: those that may hold the person.</summary>
    public IReadOnlyList<BackupSet> SetsHeldAt(DateTimeOffset now)
    {
        var step = Interval.Ticks;
        var last = new DateTimeOffset(now.UtcTicks / step * step, TimeSpan.Zero);
        var sets = new List<BackupSet>();
        for (var taken = last; taken + Retention > now && sets.Count < 1000; taken -= Interval)
        {
            sets.Add(new BackupSet(taken.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture), taken, taken + Retention));
        }

        return sets;
    }

    private static List<string> CoversOf(DataStoreDefinition store) =>
        [.. (store.Setting("Covers") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}

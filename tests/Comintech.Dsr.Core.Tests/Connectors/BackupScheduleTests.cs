using Comintech.Dsr.Connectors;
using Comintech.Dsr.Connectors.Backups;

namespace Comintech.Dsr.Core.Tests.Connectors;

public class BackupScheduleTests
{
    private static DataStoreDefinition Store(params (string Key, string Value)[] settings)
    {
        var store = new DataStoreDefinition { Id = "backups", Kind = BackupConnector.KindName };
        foreach (var (key, value) in settings)
        {
            store.Settings[key] = value;
        }

        return store;
    }

    [Fact]
    public void The_sets_held_are_those_taken_within_the_retention_each_with_its_expiry()
    {
        var schedule = BackupSchedule.From(Store(("RetentionDays", "3"), ("Covers", "accounts, billing")));
        var now = new DateTimeOffset(2026, 11, 29, 13, 0, 0, TimeSpan.Zero);

        var sets = schedule.SetsHeldAt(now);

        Assert.Equal(["20261129T0000Z", "20261128T0000Z", "20261127T0000Z"], sets.Select(s => s.Id));
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero), sets[0].ExpiresAt);
        Assert.Equal(["accounts", "billing"], schedule.Covers);
    }

    [Fact]
    public void Bad_settings_are_named()
    {
        var problems = BackupSchedule.Problems(Store(("RetentionDays", "forever"), ("IntervalHours", "0"))).ToList();

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("Settings:RetentionDays", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Settings:IntervalHours", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Settings:Covers", StringComparison.Ordinal));
    }
}

namespace Comintech.Dsr.Deadlines;

/// <summary>Settings under <c>Dsr:Deadlines</c>.</summary>
public sealed class DeadlineOptions
{
    public const string Section = "Dsr:Deadlines";

    /// <summary>Public holidays per jurisdiction (<c>GDPR</c>, <c>CCPA</c>) as <c>yyyy-MM-dd</c> dates.</summary>
    public Dictionary<string, List<string>> Holidays { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether time waiting on the person for identity moves the deadline (default: no).</summary>
    public IdentityWaitPolicy IdentityWait { get; set; } = IdentityWaitPolicy.NoPause;

    /// <summary>How long before the deadline staff are reminded (default 7 days and 2 days).</summary>
    public List<TimeSpan> ReminderOffsets { get; set; } = [];

    public IReadOnlyList<TimeSpan> EffectiveReminderOffsets =>
        ReminderOffsets.Count > 0 ? ReminderOffsets : [TimeSpan.FromDays(7), TimeSpan.FromDays(2)];

    public HolidayCalendar HolidaysFor(Jurisdiction jurisdiction) =>
        Holidays.TryGetValue(jurisdiction.ToString(), out var days)
            ? new HolidayCalendar(days.Select(d => DateOnly.ParseExact(d.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture)))
            : HolidayCalendar.None;

    /// <summary>One message per holiday that is not a <c>yyyy-MM-dd</c> date or jurisdiction that is unknown.</summary>
    public IEnumerable<string> Validate()
    {
        foreach (var (jurisdiction, days) in Holidays)
        {
            if (!WireNames.TryParseJurisdiction(jurisdiction, out _))
            {
                yield return $"Dsr:Deadlines:Holidays:{jurisdiction}: unknown jurisdiction (GDPR or CCPA).";
            }

            foreach (var day in days.Where(d => !DateOnly.TryParseExact(d?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
            {
                yield return $"Dsr:Deadlines:Holidays:{jurisdiction}: '{day}' is not a yyyy-MM-dd date.";
            }
        }

        foreach (var offset in ReminderOffsets.Where(o => o <= TimeSpan.Zero))
        {
            yield return $"Dsr:Deadlines:ReminderOffsets: {offset} must be positive.";
        }
    }
}

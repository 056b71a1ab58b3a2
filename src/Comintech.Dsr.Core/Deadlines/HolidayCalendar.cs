namespace Comintech.Dsr.Deadlines;

/// <summary>Working days of one jurisdiction: Monday to Friday except the configured public holidays.</summary>
public sealed class HolidayCalendar(IEnumerable<DateOnly> holidays)
{
    private readonly HashSet<DateOnly> holidays = [.. holidays];

    public static HolidayCalendar None { get; } = new([]);

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day);

    public DateOnly WorkingDayOnOrAfter(DateOnly day)
    {
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>The day <paramref name="count"/> working days after <paramref name="start"/> (the start day not counted).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var day = start;
        for (var added = 0; added < count;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                added++;
            }
        }

        return day;
    }
}

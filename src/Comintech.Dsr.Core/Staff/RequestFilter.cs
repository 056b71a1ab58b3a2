namespace Comintech.Dsr.Staff;

/// <summary>
/// The list filters of <c>GET /api/staff/requests</c>. Status is matched by name, so statuses added later need no
/// change here.
/// </summary>
public sealed record RequestFilter(
    string? Status, RequestType? Type, IntakeChannel? Channel, Jurisdiction? Jurisdiction, bool OverdueOnly, int? DueWithinDays, string? RequestId, string? Text)
{
    public const int MaxDueWithinDays = 3650;

    public static RequestFilter? Parse(IQueryCollection query, Dictionary<string, List<string>> errors)
    {
        string? Get(string name) => query[name].ToString() is { Length: > 0 } value ? value.Trim() : null;

        RequestType? type = null;
        if (Get("type") is { } typeText)
        {
            if (WireNames.TryParseRequestType(typeText, out var parsed))
            {
                type = parsed;
            }
            else
            {
                errors["type"] = ["One of access, correction, deletion."];
            }
        }

        var channel = ParseEnum<IntakeChannel>(Get("channel"), "channel", errors);
        var jurisdiction = ParseEnum<Jurisdiction>(Get("jurisdiction"), "jurisdiction", errors);

        var overdue = false;
        if (Get("overdue") is { } overdueText && !bool.TryParse(overdueText, out overdue))
        {
            errors["overdue"] = ["true or false."];
        }

        int? dueWithin = null;
        if (Get("dueWithinDays") is { } dueText)
        {
            if (int.TryParse(dueText, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && days <= MaxDueWithinDays)
            {
                dueWithin = days;
            }
            else
            {
                errors["dueWithinDays"] = [$"A whole number of days from 0 to {MaxDueWithinDays}."];
            }
        }

        var id = Get("id");
        if (id is not null && !Domain.RequestId.IsWellFormed(id))
        {
            errors["id"] = ["A request id is 27 base64url characters."];
        }

        var text = Get("q");
        if (text is { Length: > 200 })
        {
            errors["q"] = ["At most 200 characters."];
        }

        return errors.Count > 0 ? null : new RequestFilter(Get("status"), type, channel, jurisdiction, overdue, dueWithin, id, text);
    }

    public bool Matches(DsrRequest request, DateTimeOffset now) =>
        (Status is null || string.Equals(request.Status.ToString(), Status, StringComparison.OrdinalIgnoreCase))
        && (Type is null || request.Type == Type)
        && (Channel is null || request.Channel == Channel)
        && (Jurisdiction is null || request.Jurisdiction == Jurisdiction)
        && (!OverdueOnly || IsOverdue(request, now))
        && (DueWithinDays is null || (!request.Status.IsFinal() && request.DueAt <= now.AddDays(DueWithinDays.Value)))
        && (RequestId is null || request.Id == RequestId)
        && (Text is null
            || request.Subject.FullName.Contains(Text, StringComparison.OrdinalIgnoreCase)
            || request.Subject.Email.Contains(Text, StringComparison.OrdinalIgnoreCase)
            || request.Id.Contains(Text, StringComparison.Ordinal));

    public static bool IsOverdue(DsrRequest request, DateTimeOffset now) => !request.Status.IsFinal() && request.DueAt < now;

    private static TEnum? ParseEnum<TEnum>(string? value, string field, Dictionary<string, List<string>> errors)
        where TEnum : struct, Enum
    {
        if (value is null)
        {
            return null;
        }

        if (Enum.TryParse<TEnum>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            return parsed;
        }

        errors[field] = [$"One of {string.Join(", ", Enum.GetNames<TEnum>())}."];
        return null;
    }
}

namespace Comintech.Dsr.Staff;

/// <summary>
/// The body of the staff actions: <c>{ "reason": "…", "stores": ["billing"] }</c> (stores: a JSON array, or a
/// comma-separated form field; only a refusal reads them). Either may be left out; a route that needs the reason says so.
/// </summary>
public sealed record StaffReasonBody(string? Reason, IReadOnlyList<string> Stores) : IRequestBody<StaffReasonBody>
{
    public const int MaxReasonLength = 2000;
    public const int MaxStores = 50;

    public static StaffReasonBody? Read(BodyFields fields, Dictionary<string, List<string>> errors)
    {
        var reason = fields.String("reason", errors);
        if (reason is { Length: > MaxReasonLength })
        {
            errors["reason"] = [$"At most {MaxReasonLength} characters."];
        }

        var stores = ReadStores(fields, errors);
        if (stores is not null && (stores.Count > MaxStores || stores.Any(id => id.Length is 0 or > 100)))
        {
            errors["stores"] = [$"At most {MaxStores} store ids of up to 100 characters."];
        }

        return errors.Count > 0 ? null : new StaffReasonBody(reason, stores ?? []);
    }

    private static List<string>? ReadStores(BodyFields fields, Dictionary<string, List<string>> errors)
    {
        if (fields.Raw("stores") is not { } text)
        {
            return [];
        }

        if (fields.Kind == BodyKind.Form)
        {
            return [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        }

        using var array = fields.IsArray("stores") ? JsonDocument.Parse(text) : null;
        if (array is null || array.RootElement.EnumerateArray().Any(s => s.ValueKind != JsonValueKind.String))
        {
            errors["stores"] = ["Must be an array of store ids."];
            return null;
        }

        return [.. array.RootElement.EnumerateArray().Select(s => s.GetString()!.Trim())];
    }
}

/// <summary>The staff actions' body where the reason is required: a denial, an extension, a refusal (it goes to the person and the audit log).</summary>
public sealed record ReasonedStaffBody(string Reason, IReadOnlyList<string> Stores) : IRequestBody<ReasonedStaffBody>
{
    public static ReasonedStaffBody? Read(BodyFields fields, Dictionary<string, List<string>> errors)
    {
        var body = StaffReasonBody.Read(fields, errors);
        if (body is { Reason: null })
        {
            errors["reason"] = ["Required: it is sent to the person and kept in the audit log."];
        }

        return body?.Reason is { } reason ? new ReasonedStaffBody(reason, body.Stores) : null;
    }
}

namespace Comintech.Dsr.Connectors;

/// <summary>
/// Records a partner or staff attach to an access confirmation (field <c>records</c>): a JSON array of at most
/// <see cref="MaxRecords"/> flat objects (string, number, boolean or null values; at most <see cref="MaxProperties"/>
/// properties with names of at most 100 characters; strings of at most <see cref="MaxValueLength"/> characters),
/// within the body's own size limit. They join the person's access package as the store's records.
/// </summary>
public static class AttachedRecords
{
    public const string Field = "records";
    public const string OnlyForAccess = "Records can be attached to an access confirmation only.";
    public const int MaxRecords = 1000;
    public const int MaxProperties = 50;
    public const int MaxValueLength = 4000;

    /// <summary>The records, or null when none were given or they are invalid (then <paramref name="errors"/> says why).</summary>
    public static JsonArray? Parse(BodyFields fields, ConnectorAction? action, Dictionary<string, List<string>> errors)
    {
        if (fields.Raw(Field) is not { } text)
        {
            return null;
        }

        if (action is not null && action != ConnectorAction.Export)
        {
            errors[Field] = [OnlyForAccess];
            return null;
        }

        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 3 });
        }
        catch (JsonException)
        {
            parsed = null;
        }

        if (parsed is not JsonArray records || records.Count > MaxRecords || !records.All(IsFlatRecord))
        {
            errors[Field] =
                [$"A JSON array of at most {MaxRecords} objects, each with at most {MaxProperties} properties whose values are strings (at most {MaxValueLength} characters), numbers, booleans or null."];
            return null;
        }

        return records;
    }

    private static bool IsFlatRecord(JsonNode? record) =>
        record is JsonObject properties
        && properties.Count is > 0 and <= MaxProperties
        && properties.All(p => p.Key.Length is > 0 and <= 100 && p.Value switch
        {
            null => true,
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>().Length <= MaxValueLength,
            JsonValue value => value.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False,
            _ => false,
        });
}

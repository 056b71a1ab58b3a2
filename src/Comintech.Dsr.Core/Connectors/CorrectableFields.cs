namespace Comintech.Dsr.Connectors;

/// <summary>Every request field some store of the data map corrects, for the request form and <c>GET /api/lists</c>.</summary>
public sealed class DataMapCorrectableFields(IOptions<DataMapOptions> dataMap) : ICorrectableFields
{
    public IReadOnlyList<string> CorrectionFields { get; } =
        [.. dataMap.Value.Stores.SelectMany(s => s.Fields.Keys).Distinct(StringComparer.OrdinalIgnoreCase)];
}

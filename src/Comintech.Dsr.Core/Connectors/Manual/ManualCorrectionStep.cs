namespace Comintech.Dsr.Connectors.Manual;

/// <summary>
/// GDPR Art. 16 for fields no system takes automatically: when a correction names a field that no store whose correction
/// policy is Supported maps, one staff task is planned beside the data map's stores (a manual step under a reserved id).
/// </summary>
public static class ManualCorrectionStep
{
    public const string StoreId = "manual-corrections";

    public static DataStoreDefinition Definition { get; } = new()
    {
        Id = StoreId,
        Name = "Corrections made by hand",
        Kind = ManualStepConnector.KindName,
        Categories = ["the fields named in the request"],
        Purpose = "Applying corrections that no system takes automatically",
        LegalBasis = "Legal obligation (GDPR Art. 16)",
        Retention = "As the corrected records",
        Settings = new(StringComparer.OrdinalIgnoreCase)
        {
            ["Instructions"] = "Some requested corrections have no automatic home in the data map. The request's detail in the staff "
                + "console lists every field and its new value: apply those no store shows as done, then mark this step done.",
        },
    };

    /// <returns>The requested fields that no store corrects automatically, in order.</returns>
    public static IReadOnlyList<string> FieldsWithoutAutomaticHome(DataMapOptions dataMap, IEnumerable<string> requestedFields) =>
    [
        .. requestedFields
            .Where(field => !dataMap.Stores.Any(store => store.PolicyFor(ConnectorAction.Rectify).Mode == ActionMode.Supported && store.Fields.ContainsKey(field)))
            .Order(StringComparer.Ordinal),
    ];
}

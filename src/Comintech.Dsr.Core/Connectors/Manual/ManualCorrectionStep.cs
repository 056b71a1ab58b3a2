namespace Comintech.Dsr.Connectors.Manual;

/// <summary>
/// GDPR Art. 16 for fields no system takes automatically: when a correction names a field that no store whose correction
/// policy is Supported maps, one staff task is planned beside the data map's stores (a manual step under a reserved id).
/// </summary>
public static class ManualCorrectionStep
{
    public const string StoreId = "manual-corrections";

    public static DataStoreDefinition Definition { get; } = BuiltInStores.Get(StoreId);

    /// <returns>The requested fields that no store corrects automatically, in order.</returns>
    public static IReadOnlyList<string> FieldsWithoutAutomaticHome(DataMapOptions dataMap, IEnumerable<string> requestedFields) =>
    [
        .. requestedFields
            .Where(field => !dataMap.Stores.Any(store => store.PolicyFor(ConnectorAction.Rectify).Mode == ActionMode.Supported && store.Fields.ContainsKey(field)))
            .Order(StringComparer.Ordinal),
    ];
}

namespace Comintech.Dsr.Connectors;

/// <summary>
/// The stores planned beside the data map's under reserved ids: <see cref="Manual.ManualCorrectionStep"/>,
/// <see cref="DsrRecordsStore"/> and <see cref="SmokeSandbox"/>. Declared in <c>BuiltInStores.json</c> as a data map
/// entry is, and read with the same binder, so their Art. 15 facts are data beside the data map's.
/// </summary>
public static class BuiltInStores
{
    private static readonly FrozenDictionary<string, DataStoreDefinition> ById = Read();

    public static IEnumerable<DataStoreDefinition> All => ById.Values;

    /// <summary>The built-in store under <paramref name="storeId"/>, or null when the id is not reserved.</summary>
    public static DataStoreDefinition? Find(string storeId) => ById.GetValueOrDefault(storeId);

    internal static DataStoreDefinition Get(string storeId) =>
        Find(storeId) ?? throw new InvalidOperationException($"BuiltInStores.json declares no store '{storeId}'.");

    private static FrozenDictionary<string, DataStoreDefinition> Read()
    {
        using var json = EmbeddedResources.Open("Comintech.Dsr.Connectors.BuiltInStores.json");
        var stores = new ConfigurationBuilder().AddJsonStream(json).Build().GetSection(nameof(DataMapOptions.Stores)).Get<List<DataStoreDefinition>>() ?? [];
        return stores.ToFrozenDictionary(store => store.Id, StringComparer.OrdinalIgnoreCase);
    }
}

namespace Comintech.Dsr.Connectors;

/// <summary>
/// The system's own records about the person (GDPR Art. 17 reaches them too): a built-in store, planned for every
/// deletion beside the data map's stores under a reserved id. Its erasure removes the working copies of the person's
/// earlier requests and their identifiers; the request log and the evidence stay, as the law requires, and the person
/// is told so.
/// </summary>
public static class DsrRecordsStore
{
    public const string StoreId = "dsr-own-records";
    public const string KindName = "DsrRecords";

    public static DataStoreDefinition Definition { get; } = BuiltInStores.Get(StoreId);
}

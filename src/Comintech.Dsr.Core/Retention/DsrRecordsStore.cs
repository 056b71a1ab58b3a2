namespace Comintech.Dsr.Retention;

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

    public static DataStoreDefinition Definition { get; } = new()
    {
        Id = StoreId,
        Name = "Our records of your earlier privacy requests",
        Kind = KindName,
        Categories = ["contact details", "your requests and our answers"],
        Purpose = "Answering your privacy requests and showing that we did",
        LegalBasis = "Legal obligation (GDPR Art. 5(2), 6(1)(c); CCPA regulations §7101)",
        Retention = "Working copies until 30 days after a request closes; the request log for 24 months, with identifiers only as keyed hashes",
        Actions = new(StringComparer.OrdinalIgnoreCase)
        {
            ["Erase"] = new ActionPolicy
            {
                Mode = ActionMode.Retained,
                Reason = "We keep a log of each request (its date, type and outcome) for 24 months (CCPA regulations §7101) and the evidence "
                    + "that we answered it (GDPR Art. 5(2)); neither holds your e-mail address, name or account id in clear",
                KeepFields = ["request ids", "dates", "request types", "outcomes"],
            },
        },
    };
}

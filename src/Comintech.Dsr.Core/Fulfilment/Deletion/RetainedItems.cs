namespace Comintech.Dsr.Fulfilment.Deletion;

/// <summary>What an erasure kept, read from the data map's policies and the stores' outcomes.</summary>
public static class RetainedItems
{
    /// <summary>Stores whose erasure policy is Retained, and stores that reported their data kept (e.g. backups that expire on their own).</summary>
    public static IReadOnlyList<RetainedItem> From(DataMapOptions dataMap, IReadOnlyList<ConnectorOutcome> outcomes) =>
    [
        .. outcomes.Where(o => o.Action == ConnectorAction.Erase).Select(outcome =>
        {
            var store = dataMap.Get(outcome.StoreId);
            var policy = store.PolicyFor(ConnectorAction.Erase);
            return policy.Mode == ActionMode.Retained && outcome.Kind is OutcomeKind.Done or OutcomeKind.Retained
                ? new RetainedItem(store.Id, store.Name, policy.KeepFields, policy.Reason ?? "")
                : outcome.Kind == OutcomeKind.Retained ? new RetainedItem(store.Id, store.Name, [], outcome.Note ?? "") : null;
        }).OfType<RetainedItem>(),
    ];
}

namespace Comintech.Dsr.Fulfilment.Activities;

/// <summary>A connector outcome as kept in the connector-runs table under its idempotency key.</summary>
internal static class ConnectorRunRecord
{
    public static TableEntity ToEntity(string requestId, string key, ConnectorOutcome outcome) => new(requestId, key)
    {
        ["StoreId"] = outcome.StoreId,
        ["Action"] = outcome.Action.ToString(),
        ["Kind"] = outcome.Kind.ToString(),
        ["RecordsFound"] = outcome.RecordsFound,
        ["RecordsAffected"] = outcome.RecordsAffected,
        ["Note"] = outcome.Note,
        ["ArtifactPath"] = outcome.ArtifactPath,
        ["CompletedAt"] = outcome.CompletedAt,
    };

    public static ConnectorOutcome ToOutcome(TableEntity e) => new(
        e.GetString("StoreId"),
        Enum.Parse<ConnectorAction>(e.GetString("Action")),
        Enum.Parse<OutcomeKind>(e.GetString("Kind")),
        e.GetInt32("RecordsFound") ?? 0,
        e.GetInt32("RecordsAffected") ?? 0,
        e.GetString("Note"),
        e.GetString("ArtifactPath"),
        e.GetDateTimeOffset("CompletedAt") ?? DateTimeOffset.MinValue);
}

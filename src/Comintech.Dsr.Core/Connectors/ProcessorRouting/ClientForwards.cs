namespace Comintech.Dsr.Connectors.ProcessorRouting;

/// <summary>One request forwarded to a Client and what became of it (no personal data: ids, names of Clients, counts).</summary>
public sealed record ClientForward(
    string RequestId,
    string StoreId,
    string ClientId,
    string ClientName,
    string Channel,
    string Action,
    string State,
    DateTimeOffset ForwardedAt,
    int Reminders,
    DateTimeOffset? AnsweredAt,
    string? Outcome,
    int RecordsAffected,
    string? PrivacyContact,
    DateTimeOffset? EscalatedAt)
{
    public const string Forwarded = "Forwarded";
    public const string Answered = "Answered";
    public const string Escalated = "Escalated";

    /// <summary>Still waiting for the Client's answer (an escalated forward still takes the answer when it comes).</summary>
    public bool Open => State != Answered;
}

/// <summary>
/// Requests forwarded to Clients (table <c>DsrClientForwards</c>, partition = request id, row =
/// <c>&lt;storeId&gt;.&lt;clientId&gt;</c>). Written once per Client; the first answer stands.
/// </summary>
public sealed class ClientForwards(DsrStorage storage, TimeProvider clock)
{
    public const string TableName = "DsrClientForwards";

    private TableClient Table => storage.Tables.GetTableClient(TableName);

    /// <summary>Records the forward once (a re-run finds it and changes nothing).</summary>
    public async Task OpenAsync(string requestId, string storeId, HostedClient client, ConnectorAction action, CancellationToken cancellationToken)
    {
        await Table.CreateIfNotExistsAsync(cancellationToken);
        try
        {
            await Table.AddEntityAsync(
                new TableEntity(requestId, RowKey(storeId, client.ClientId))
                {
                    ["StoreId"] = storeId,
                    ["ClientId"] = client.ClientId,
                    ["ClientName"] = client.Name,
                    ["Channel"] = client.Channel,
                    ["Action"] = action.ToString(),
                    ["PrivacyContact"] = client.PrivacyContact,
                    ["State"] = ClientForward.Forwarded,
                    ["ForwardedAt"] = clock.GetUtcNow(),
                    ["Reminders"] = 0,
                },
                cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Forwarded by an earlier attempt.
        }
    }

    public async Task<IReadOnlyList<ClientForward>> ListAsync(string requestId, CancellationToken cancellationToken, string? storeId = null)
    {
        var forwards = new List<ClientForward>();
        try
        {
            await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {requestId}"), cancellationToken: cancellationToken))
            {
                var forward = From(row);
                if (storeId is null || forward.StoreId == storeId)
                {
                    forwards.Add(forward);
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return [];
        }

        return forwards;
    }

    /// <summary>Every forward escalated and still unanswered, over all requests (the staff to-do list; one table scan).</summary>
    public async Task<IReadOnlyList<ClientForward>> ListEscalatedAsync(CancellationToken cancellationToken)
    {
        var escalated = new List<ClientForward>();
        try
        {
            await foreach (var row in Table.QueryAsync<TableEntity>($"State eq '{ClientForward.Escalated}'", cancellationToken: cancellationToken))
            {
                escalated.Add(From(row));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Nothing was forwarded yet.
        }

        return escalated;
    }

    /// <summary>Notes reminder number <paramref name="reminder"/> (never lowers the count).</summary>
    public Task RemindedAsync(ClientForward forward, int reminder, CancellationToken cancellationToken) =>
        UpdateAsync(forward, row => row.GetInt32("Reminders") < reminder, row => row["Reminders"] = reminder, cancellationToken);

    public Task EscalatedAsync(ClientForward forward, CancellationToken cancellationToken) =>
        UpdateAsync(forward, row => row.GetString("State") == ClientForward.Forwarded, row =>
        {
            row["State"] = ClientForward.Escalated;
            row["EscalatedAt"] = clock.GetUtcNow();
        }, cancellationToken);

    /// <summary>Records the Client's answer; false when one was recorded already (the first stands).</summary>
    public Task<bool> AnsweredAsync(ClientForward forward, OutcomeKind outcome, int recordsAffected, CancellationToken cancellationToken) =>
        UpdateAsync(forward, row => row.GetString("State") != ClientForward.Answered, row =>
        {
            row["State"] = ClientForward.Answered;
            row["AnsweredAt"] = clock.GetUtcNow();
            row["Outcome"] = outcome.ToString();
            row["RecordsAffected"] = recordsAffected;
        }, cancellationToken);

    public static string RowKey(string storeId, string clientId) => $"{storeId}.{clientId}";

    private async Task<bool> UpdateAsync(ClientForward forward, Func<TableEntity, bool> applies, Action<TableEntity> change, CancellationToken cancellationToken)
    {
        var row = (await Table.GetEntityAsync<TableEntity>(forward.RequestId, RowKey(forward.StoreId, forward.ClientId), cancellationToken: cancellationToken)).Value;
        if (!applies(row))
        {
            return false;
        }

        change(row);
        try
        {
            await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
    }

    private static ClientForward From(TableEntity row) => new(
        row.PartitionKey,
        row.GetString("StoreId"),
        row.GetString("ClientId"),
        row.GetString("ClientName"),
        row.GetString("Channel"),
        row.GetString("Action"),
        row.GetString("State"),
        row.GetDateTimeOffset("ForwardedAt") ?? DateTimeOffset.MinValue,
        row.GetInt32("Reminders") ?? 0,
        row.GetDateTimeOffset("AnsweredAt"),
        row.GetString("Outcome"),
        row.GetInt32("RecordsAffected") ?? 0,
        row.GetString("PrivacyContact"),
        row.GetDateTimeOffset("EscalatedAt"));
}

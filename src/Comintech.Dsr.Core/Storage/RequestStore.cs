using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Comintech.Dsr.Domain;

namespace Comintech.Dsr.Storage;

/// <summary>One row per request in Table storage: the only place a person's identifiers live.</summary>
public sealed class RequestStore(DsrStorage storage, IdentifierHasher hasher, TimeProvider clock)
{
    internal const string RowKey = "request";

    public async Task AddAsync(DsrRequest request, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(request.Id, RowKey)
        {
            ["Type"] = request.Type.ToString(),
            ["Channel"] = request.Channel.ToString(),
            ["Jurisdiction"] = request.Jurisdiction.ToString(),
            ["Language"] = request.Language,
            ["ReceivedAt"] = request.ReceivedAt,
            ["DueAt"] = request.DueAt,
            ["Status"] = request.Status.ToString(),
            ["Email"] = request.Subject.Email,
            ["EmailHash"] = hasher.Hash(request.Subject.Email),
            ["FullName"] = request.Subject.FullName,
            ["AccountId"] = request.Subject.AccountId,
            ["Details"] = request.Details,
            ["Corrections"] = JsonSerializer.Serialize(request.Corrections),
            ["SuggestedClassification"] = request.SuggestedClassification,
            ["UpdatedAt"] = clock.GetUtcNow(),
        };
        await storage.Requests.AddEntityAsync(entity, cancellationToken);
    }

    public async Task<DsrRequest?> FindAsync(string requestId, CancellationToken cancellationToken = default)
    {
        if (!RequestId.IsWellFormed(requestId))
        {
            return null;
        }

        var response = await storage.Requests.GetEntityIfExistsAsync<TableEntity>(requestId, RowKey, cancellationToken: cancellationToken);
        return response.HasValue ? ToRequest(response.Value!) : null;
    }

    public async Task<DsrRequest> GetAsync(string requestId, CancellationToken cancellationToken = default) =>
        await FindAsync(requestId, cancellationToken)
        ?? throw new InvalidOperationException($"Request {requestId} is not in the request store.");

    /// <summary>
    /// Moves the request to <paramref name="status"/> unless that would move it back (see
    /// <see cref="RequestStatusExtensions.CanMoveTo"/>): activities run at least once, and a late copy of an early step must not
    /// overwrite a final status. Guarded by the row's ETag. False when the move was refused.
    /// </summary>
    public async Task<bool> SetStatusAsync(string requestId, RequestStatus status, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var current = (await storage.Requests.GetEntityAsync<TableEntity>(requestId, RowKey, cancellationToken: cancellationToken)).Value;
            var from = Enum.Parse<RequestStatus>(current.GetString("Status"));
            if (from == status || !from.CanMoveTo(status))
            {
                return from == status;
            }

            var now = clock.GetUtcNow();
            var patch = new TableEntity(requestId, RowKey)
            {
                ["Status"] = status.ToString(),
                ["UpdatedAt"] = now,
            };
            if (status.IsFinal())
            {
                patch["ClosedAt"] = now;
            }

            try
            {
                await storage.Requests.UpdateEntityAsync(patch, current.ETag, TableUpdateMode.Merge, cancellationToken);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // Changed meanwhile (another step, staff): decide again on what is there now.
            }
        }
    }

    /// <summary>
    /// Sets the type (and, for a correction, the new values) of a request awaiting triage and returns it to Received;
    /// false when it no longer awaits triage.
    /// </summary>
    public async Task<bool> ClassifyAsync(
        string requestId, RequestType type, IReadOnlyDictionary<string, string> corrections, CancellationToken cancellationToken = default)
    {
        var current = await storage.Requests.GetEntityIfExistsAsync<TableEntity>(requestId, RowKey, cancellationToken: cancellationToken);
        if (!current.HasValue || current.Value!.GetString("Status") != nameof(RequestStatus.NeedsTriage))
        {
            return false;
        }

        var patch = new TableEntity(requestId, RowKey)
        {
            ["Type"] = type.ToString(),
            ["Corrections"] = JsonSerializer.Serialize(corrections),
            ["Status"] = RequestStatus.Received.ToString(),
            ["UpdatedAt"] = clock.GetUtcNow(),
        };
        try
        {
            await storage.Requests.UpdateEntityAsync(patch, current.Value.ETag, TableUpdateMode.Merge, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
    }

    /// <summary>Moves the deadline and keeps why and when (the extension notice carries the same reason).</summary>
    public Task ExtendAsync(string requestId, DateTimeOffset newDueAt, string reason, CancellationToken cancellationToken = default) =>
        PatchAsync(
            new TableEntity(requestId, RowKey)
            {
                ["DueAt"] = newDueAt,
                ["ExtendedAt"] = clock.GetUtcNow(),
                ["ExtensionReason"] = reason,
                ["UpdatedAt"] = clock.GetUtcNow(),
            },
            cancellationToken);

    /// <summary>Moves the deadline without an extension (the identity-wait pause).</summary>
    public Task SetDueAtAsync(string requestId, DateTimeOffset dueAt, CancellationToken cancellationToken = default) =>
        PatchAsync(new TableEntity(requestId, RowKey) { ["DueAt"] = dueAt, ["UpdatedAt"] = clock.GetUtcNow() }, cancellationToken);

    /// <summary>Keeps staff's reason for a denial; the orchestration sets the status when it acts on the decision.</summary>
    public Task SetDenialReasonAsync(string requestId, string reason, CancellationToken cancellationToken = default) =>
        PatchAsync(new TableEntity(requestId, RowKey) { ["DenialReason"] = reason, ["UpdatedAt"] = clock.GetUtcNow() }, cancellationToken);

    /// <summary>Every request row. One row per partition, so this is a full-table query: callers page the result.</summary>
    public async IAsyncEnumerable<DsrRequest> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey eq {RowKey}");
        await foreach (var entity in storage.Requests.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return ToRequest(entity);
        }
    }

    private Task PatchAsync(TableEntity patch, CancellationToken cancellationToken) =>
        storage.Requests.UpdateEntityAsync(patch, ETag.All, TableUpdateMode.Merge, cancellationToken);

    private static DsrRequest ToRequest(TableEntity e) => new(
        e.PartitionKey,
        Enum.Parse<RequestType>(e.GetString("Type")),
        Enum.Parse<IntakeChannel>(e.GetString("Channel")),
        Enum.Parse<Jurisdiction>(e.GetString("Jurisdiction")),
        e.GetString("Language"),
        e.GetDateTimeOffset("ReceivedAt")!.Value,
        e.GetDateTimeOffset("DueAt")!.Value,
        Enum.Parse<RequestStatus>(e.GetString("Status")),
        new DataSubject(e.GetString("Email"), e.GetString("FullName"), e.GetString("AccountId")),
        e.GetString("Details"),
        JsonSerializer.Deserialize<Dictionary<string, string>>(e.GetString("Corrections") ?? "{}") ?? [])
    {
        SuggestedClassification = e.GetString("SuggestedClassification"),
        ExtendedAt = e.GetDateTimeOffset("ExtendedAt"),
        ExtensionReason = e.GetString("ExtensionReason"),
        DenialReason = e.GetString("DenialReason"),
        ClosedAt = e.GetDateTimeOffset("ClosedAt"),
    };
}

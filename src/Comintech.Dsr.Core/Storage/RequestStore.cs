namespace Comintech.Dsr.Storage;

/// <summary>
/// One row per request in Table storage: the only place a person's identifiers live. While the row keeps them they are
/// encrypted (<see cref="IdentifierProtector"/>); lookups use keyed hashes. Minimised rows keep only the hashes.
/// </summary>
public sealed class RequestStore(DsrStorage storage, IdentifierHasher hasher, IdentifierProtector protector, TimeProvider clock)
{
    internal const string Kind = "request";

    private static string Row(string requestId) => OwnRowKey.For(Kind, requestId);

    /// <summary>The columns that hold personal data, all encrypted under the row's data key.</summary>
    public static readonly string[] ProtectedColumns = ["Email", "FullName", "AccountId", "Details", "Corrections", "BoundAccountId"];

    private const string WrappedKeyColumn = "WrappedKey";

    public async Task AddAsync(DsrRequest request, CancellationToken cancellationToken = default)
    {
        var (dataKey, wrapped) = protector.NewDataKey(request.Id);
        string? Protect(string column, string? value) => protector.Encrypt(dataKey, request.Id, column, value);
        var entity = new TableEntity(request.Id, Row(request.Id))
        {
            ["Type"] = request.Type.ToString(),
            ["Channel"] = request.Channel.ToString(),
            ["Jurisdiction"] = request.Jurisdiction.ToString(),
            ["Language"] = request.Language,
            ["ReceivedAt"] = request.ReceivedAt,
            ["DueAt"] = request.DueAt,
            ["Status"] = request.Status.ToString(),
            [WrappedKeyColumn] = wrapped,
            ["Email"] = Protect("Email", request.Subject.Email),
            ["EmailHash"] = hasher.Hash(request.Subject.Email),
            ["FullName"] = Protect("FullName", request.Subject.FullName),
            ["AccountId"] = Protect("AccountId", request.Subject.AccountId),
            ["AccountIdHash"] = request.Subject.AccountId is null ? null : hasher.Hash(request.Subject.AccountId),
            ["Details"] = Protect("Details", request.Details),
            ["Corrections"] = Protect("Corrections", JsonSerializer.Serialize(request.Corrections)),
            ["SuggestedClassification"] = request.SuggestedClassification,
            ["UpdatedAt"] = clock.GetUtcNow(),
        };
        if (request.Identity is not null)
        {
            WriteIdentity(entity, request.Identity, dataKey);
        }

        await storage.Requests.AddEntityAsync(entity, cancellationToken);
    }

    public async Task<DsrRequest?> FindAsync(string requestId, CancellationToken cancellationToken = default)
    {
        if (!RequestId.IsWellFormed(requestId))
        {
            return null;
        }

        var response = await storage.Requests.GetEntityIfExistsAsync<TableEntity>(requestId, Row(requestId), cancellationToken: cancellationToken);
        return response.HasValue ? ToRequest(response.Value!) : null;
    }

    /// <summary>
    /// Removes the row's identifiers for good (the wrapped data key and every encrypted value), keeping what the request
    /// log and the evidence need: ids, dates, type, channel, status and keyed hashes. False when it was done already.
    /// </summary>
    /// <param name="minimisedFor">The later deletion request that asked for it, if any (kept on the row for the auditor).</param>
    public async Task<bool> MinimiseAsync(string requestId, CancellationToken cancellationToken = default, string? minimisedFor = null)
    {
        var current = await storage.Requests.GetEntityIfExistsAsync<TableEntity>(requestId, Row(requestId), cancellationToken: cancellationToken);
        if (!current.HasValue || current.Value!.GetDateTimeOffset("MinimisedAt") is not null)
        {
            return false;
        }

        var row = current.Value;
        var minimised = new TableEntity(requestId, Row(requestId)).WithAll(row, except: [.. TableEntityCopy.SystemColumns, WrappedKeyColumn, .. ProtectedColumns]);
        minimised["MinimisedAt"] = clock.GetUtcNow();
        minimised["MinimisedFor"] = minimisedFor;
        minimised["UpdatedAt"] = clock.GetUtcNow();
        await storage.Requests.UpdateEntityAsync(minimised, row.ETag, TableUpdateMode.Replace, cancellationToken);
        return true;
    }

    public async Task<DsrRequest> GetAsync(string requestId, CancellationToken cancellationToken = default) =>
        await FindAsync(requestId, cancellationToken)
        ?? throw new InvalidOperationException($"Request {requestId} is not in the request store.");

    /// <summary>
    /// The request and its row as read, for a write that follows without reading the row again
    /// (<see cref="SetStatusAsync(DsrRequest, RowVersion, RequestStatus, CancellationToken)"/>, <see cref="StartFulfilmentAsync"/>).
    /// </summary>
    public async Task<(DsrRequest Request, RowVersion Version)> GetVersionedAsync(string requestId, CancellationToken cancellationToken = default)
    {
        var response = await storage.Requests.GetEntityIfExistsAsync<TableEntity>(requestId, Row(requestId), cancellationToken: cancellationToken);
        return response.HasValue
            ? (ToRequest(response.Value!), new RowVersion(response.Value!.ETag, response.Value!.GetString(WrappedKeyColumn)))
            : throw new InvalidOperationException($"Request {requestId} is not in the request store.");
    }

    /// <summary>A request row as read: its ETag, and its wrapped data key (none once its identifiers are removed).</summary>
    public readonly record struct RowVersion(ETag ETag, string? WrappedKey);

    /// <summary>
    /// Keeps the identity decided for the verified person and moves the request to InProgress, in one write on the row
    /// as <paramref name="asRead"/> was read. When the row changed since, or the move is not one to make from the status
    /// read, the identity and the status are each written as on their own (a closed request is not moved back).
    /// </summary>
    public async Task StartFulfilmentAsync(DsrRequest asRead, RowVersion version, IdentityState? identity, CancellationToken cancellationToken = default)
    {
        var identityChanged = identity is not null && identity != asRead.Identity;
        if (!identityChanged && asRead.Status == RequestStatus.InProgress)
        {
            return;
        }

        if (asRead.Status.CanMoveTo(RequestStatus.InProgress) && version.WrappedKey is { Length: > 0 } wrapped)
        {
            var patch = new TableEntity(asRead.Id, Row(asRead.Id)) { ["Status"] = nameof(RequestStatus.InProgress), ["UpdatedAt"] = clock.GetUtcNow() };
            if (identityChanged)
            {
                WriteIdentity(patch, identity!, protector.Unwrap(wrapped, asRead.Id));
            }

            try
            {
                await storage.Requests.UpdateEntityAsync(patch, version.ETag, TableUpdateMode.Merge, cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // Changed since the read (staff, another step): each part on its own below.
            }
        }

        if (identityChanged)
        {
            await SetIdentityAsync(asRead.Id, identity!, cancellationToken);
        }

        await SetStatusAsync(asRead.Id, RequestStatus.InProgress, cancellationToken);
    }

    /// <summary>
    /// Moves the request to <paramref name="status"/> unless that would move it back (see
    /// <see cref="RequestStatusExtensions.CanMoveTo"/>): activities run at least once, and a late copy of an early step must not
    /// overwrite a final status. Guarded by the row's ETag. False when the move was refused.
    /// </summary>
    public Task<bool> SetStatusAsync(string requestId, RequestStatus status, CancellationToken cancellationToken = default) =>
        SetStatusAsync(requestId, null, status, cancellationToken);

    /// <summary>
    /// As <see cref="SetStatusAsync(string, RequestStatus, CancellationToken)"/>, first trying the write on the row as
    /// <paramref name="asRead"/> was read (<see cref="GetVersionedAsync"/>): no read when nothing changed it since.
    /// </summary>
    public Task<bool> SetStatusAsync(DsrRequest asRead, RowVersion version, RequestStatus status, CancellationToken cancellationToken = default) =>
        SetStatusAsync(asRead.Id, (asRead.Status, version.ETag), status, cancellationToken);

    private async Task<bool> SetStatusAsync(string requestId, (RequestStatus Status, ETag Version)? asRead, RequestStatus status, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (asRead is not { } current || current.Status == status || !current.Status.CanMoveTo(status))
            {
                // What is there now decides a refusal or a move already made, not the copy read earlier.
                var row = (await storage.Requests.GetEntityAsync<TableEntity>(requestId, Row(requestId), cancellationToken: cancellationToken)).Value;
                current = (Enum.Parse<RequestStatus>(row.GetString("Status")), row.ETag);
            }

            asRead = null;
            var from = current.Status;
            if (from == status || !from.CanMoveTo(status))
            {
                return from == status;
            }

            var now = clock.GetUtcNow();
            var patch = new TableEntity(requestId, Row(requestId))
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
                await storage.Requests.UpdateEntityAsync(patch, current.Version, TableUpdateMode.Merge, cancellationToken);
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
        var current = await storage.Requests.GetEntityIfExistsAsync<TableEntity>(requestId, Row(requestId), cancellationToken: cancellationToken);
        if (!current.HasValue || current.Value!.GetString("Status") != nameof(RequestStatus.NeedsTriage))
        {
            return false;
        }

        var wrapped = current.Value.GetString(WrappedKeyColumn);
        var corrected = JsonSerializer.Serialize(corrections);
        var patch = new TableEntity(requestId, Row(requestId))
        {
            ["Type"] = type.ToString(),
            ["Corrections"] = wrapped is { Length: > 0 } ? protector.Encrypt(protector.Unwrap(wrapped, requestId), requestId, "Corrections", corrected) : corrected,
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
            new TableEntity(requestId, Row(requestId))
            {
                ["DueAt"] = newDueAt,
                ["ExtendedAt"] = clock.GetUtcNow(),
                ["ExtensionReason"] = reason,
                ["UpdatedAt"] = clock.GetUtcNow(),
            },
            cancellationToken);

    /// <summary>Marks the request's working copies as removed, so later retention passes skip it.</summary>
    public Task MarkCopiesRemovedAsync(string requestId, CancellationToken cancellationToken = default) =>
        PatchAsync(new TableEntity(requestId, Row(requestId)) { ["CopiesRemovedAt"] = clock.GetUtcNow(), ["UpdatedAt"] = clock.GetUtcNow() }, cancellationToken);

    /// <summary>Moves the deadline without an extension (the identity-wait pause).</summary>
    public Task SetDueAtAsync(string requestId, DateTimeOffset dueAt, CancellationToken cancellationToken = default) =>
        PatchAsync(new TableEntity(requestId, Row(requestId)) { ["DueAt"] = dueAt, ["UpdatedAt"] = clock.GetUtcNow() }, cancellationToken);

    /// <summary>Keeps staff's reason for a denial; the orchestration sets the status when it acts on the decision.</summary>
    public Task SetDenialReasonAsync(string requestId, string reason, CancellationToken cancellationToken = default) =>
        PatchAsync(new TableEntity(requestId, Row(requestId)) { ["DenialReason"] = reason, ["UpdatedAt"] = clock.GetUtcNow() }, cancellationToken);

    /// <summary>Keeps the stores staff refused to act on, each with its reason (a partial refusal); merged with earlier ones.</summary>
    public async Task SetRefusedStoresAsync(string requestId, IReadOnlyDictionary<string, string> refused, CancellationToken cancellationToken = default)
    {
        var merged = new Dictionary<string, string>((await GetAsync(requestId, cancellationToken)).RefusedStores, StringComparer.OrdinalIgnoreCase);
        foreach (var (store, reason) in refused)
        {
            merged[store] = reason;
        }

        await PatchAsync(
            new TableEntity(requestId, Row(requestId)) { ["RefusedStores"] = JsonSerializer.Serialize(merged), ["UpdatedAt"] = clock.GetUtcNow() }, cancellationToken);
    }

    /// <summary>Keeps the identity resolution: the bound account id (if any), the tier reached, how, and why an account id was not used.</summary>
    public async Task SetIdentityAsync(string requestId, IdentityState identity, CancellationToken cancellationToken = default)
    {
        var dataKey = await DataKeyAsync(requestId, cancellationToken);
        var patch = new TableEntity(requestId, Row(requestId)) { ["UpdatedAt"] = clock.GetUtcNow() };
        WriteIdentity(patch, identity, dataKey);
        await PatchAsync(patch, cancellationToken);
    }

    private async Task<byte[]> DataKeyAsync(string requestId, CancellationToken cancellationToken)
    {
        var row = await storage.Requests.GetEntityAsync<TableEntity>(requestId, Row(requestId), [WrappedKeyColumn], cancellationToken);
        return row.Value.GetString(WrappedKeyColumn) is { Length: > 0 } wrapped
            ? protector.Unwrap(wrapped, requestId)
            : throw new InvalidOperationException($"Request {requestId} keeps no identifiers any more.");
    }

    /// <summary>The identity's columns on <paramref name="entity"/>, the bound account id encrypted under the row's data key.</summary>
    private void WriteIdentity(TableEntity entity, IdentityState identity, byte[] dataKey)
    {
        entity["IdentityTier"] = (int)identity.Tier;
        entity["BoundAccountId"] = protector.Encrypt(dataKey, entity.PartitionKey, "BoundAccountId", identity.BoundAccountId) ?? "";
        entity["AccountBoundBy"] = identity.BoundBy?.ToString() ?? "";
        entity["AccountUnbound"] = identity.Unbound?.ToString() ?? "";
    }

    private static IdentityState? ReadIdentity(TableEntity e, Func<string, string?> read) =>
        e.GetInt32("IdentityTier") is not { } tier ? null : new IdentityState(
            (IdentityTier)tier,
            read("BoundAccountId") is { Length: > 0 } account ? account : null,
            Enum.TryParse<BindingSource>(e.GetString("AccountBoundBy"), out var by) ? by : null,
            Enum.TryParse<UnboundReason>(e.GetString("AccountUnbound"), out var unbound) ? unbound : null);

    /// <summary>The requests whose e-mail or account id has one of these keyed hashes (a query over the table).</summary>
    public async Task<IReadOnlyList<DsrRequest>> FindByHashesAsync(IReadOnlyList<string> hashes, CancellationToken cancellationToken = default)
    {
        var found = new List<DsrRequest>();
        foreach (var hash in hashes)
        {
            var filter = $"{OwnRowKey.OfKind(Kind)} and ({TableClient.CreateQueryFilter($"EmailHash eq {hash} or AccountIdHash eq {hash}")})";
            await foreach (var entity in storage.Requests.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                if (found.All(r => r.Id != entity.PartitionKey))
                {
                    found.Add(ToListedRequest(entity));
                }
            }
        }

        return found;
    }

    /// <summary>Every request row. One row per partition, so this is a full-table query: callers page the result.</summary>
    public async IAsyncEnumerable<DsrRequest> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = OwnRowKey.OfKind(Kind);
        await foreach (var entity in storage.Requests.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return ToListedRequest(entity);
        }
    }

    private Task PatchAsync(TableEntity patch, CancellationToken cancellationToken) =>
        storage.Requests.UpdateEntityAsync(patch, ETag.All, TableUpdateMode.Merge, cancellationToken);

    /// <summary>
    /// A listing (staff list, retention, lookups by hash) shows a row whose values no longer decrypt (tampered, or under a
    /// lost key) with its identifiers marked unreadable, instead of failing the whole listing; a single read fails.
    /// </summary>
    private DsrRequest ToListedRequest(TableEntity e)
    {
        try
        {
            return ToRequest(e);
        }
        catch (CryptographicException)
        {
            return ToRequest(new TableEntity(e.PartitionKey, e.RowKey) { ["MinimisedAt"] = e.GetDateTimeOffset("MinimisedAt") ?? DateTimeOffset.MinValue }
                .WithAll(e, except: [.. ProtectedColumns, WrappedKeyColumn, "MinimisedAt"]));
        }
    }

    private DsrRequest ToRequest(TableEntity e)
    {
        var minimised = e.GetDateTimeOffset("MinimisedAt");
        var wrapped = e.GetString(WrappedKeyColumn);
        var dataKey = wrapped is { Length: > 0 } && minimised is null ? protector.Unwrap(wrapped, e.PartitionKey) : null;
        string? Read(string column) => minimised is null ? protector.Decrypt(dataKey, e.PartitionKey, column, e.GetString(column)) : null;
        var subject = minimised is null
            ? new DataSubject(Read("Email")!, Read("FullName")!, Read("AccountId"))
            : DataSubject.Removed;
        return new DsrRequest(
            e.PartitionKey,
            Enum.Parse<RequestType>(e.GetString("Type")),
            Enum.Parse<IntakeChannel>(e.GetString("Channel")),
            Enum.Parse<Jurisdiction>(e.GetString("Jurisdiction")),
            e.GetString("Language"),
            e.GetDateTimeOffset("ReceivedAt")!.Value,
            e.GetDateTimeOffset("DueAt")!.Value,
            Enum.Parse<RequestStatus>(e.GetString("Status")),
            subject,
            Read("Details"),
            JsonSerializer.Deserialize<Dictionary<string, string>>(Read("Corrections") ?? "{}") ?? [])
        {
            SuggestedClassification = e.GetString("SuggestedClassification"),
            ExtendedAt = e.GetDateTimeOffset("ExtendedAt"),
            ExtensionReason = e.GetString("ExtensionReason"),
            DenialReason = e.GetString("DenialReason"),
            RefusedStores = JsonSerializer.Deserialize<Dictionary<string, string>>(e.GetString("RefusedStores") ?? "{}") ?? [],
            ClosedAt = e.GetDateTimeOffset("ClosedAt"),
            Identity = ReadIdentity(e, Read),
            IdentifiersRemovedAt = minimised,
            CopiesRemovedAt = e.GetDateTimeOffset("CopiesRemovedAt"),
        };
    }
}

internal static class TableEntityCopy
{
    /// <summary>The columns Table storage keeps on every entity itself.</summary>
    public static readonly string[] SystemColumns = ["odata.etag", "Timestamp", "PartitionKey", "RowKey"];

    public static TableEntity WithAll(this TableEntity target, TableEntity source, IReadOnlyCollection<string> except)
    {
        foreach (var (key, value) in source)
        {
            if (!except.Contains(key) && !target.ContainsKey(key))
            {
                target[key] = value;
            }
        }

        return target;
    }
}

namespace Comintech.Dsr.Evidence;

/// <summary>
/// Append-only, hash-chained evidence per request (Table storage, partition = request id).
/// Rows (each row key ends with <c>@</c> and the request id: <see cref="OwnRowKey"/>): <c>e:0000000001</c>… (the links),
/// <c>head</c> (sequence and hash of the last link, for optimistic concurrency) and <c>k:&lt;event key&gt;</c> markers that make an append with the same key happen once.
/// All three are written in one entity-group transaction, so a link, its marker and the head never disagree.
/// The head this instance wrote last for a request is remembered with its ETag, so the request's next append here
/// needs no read of the head row: the write is conditional on that ETag, and when another writer moved the head
/// meanwhile it fails and the head is read again.
/// </summary>
public sealed class EvidenceLedger(DsrStorage storage, TimeProvider clock)
{
    /// <summary>Requests whose last written head is remembered; past it the memory starts again (a head read each).</summary>
    private const int RememberedHeads = 4096;

    private readonly ConcurrentDictionary<string, Head> writtenHeads = new(StringComparer.Ordinal);

    private const string HeadRow = "head";
    private const string LinkPrefix = "e:";
    private const string KeyPrefix = "k:";
    private const int MaxConcurrencyRetries = 20;

    /// <summary>
    /// Appends one link unless a link with <paramref name="key"/> exists already (activities run at least once).
    /// </summary>
    /// <returns>The link written, or the one written earlier under the same key.</returns>
    public async Task<EvidenceRecord> AppendAsync(
        string requestId, EvidenceKey key, EvidenceEvent evidence, string actor = "system", CancellationToken cancellationToken = default)
    {
        var table = storage.Evidence;
        var eventType = evidence.EventType;
        var detailsJson = Serialise(evidence);
        var keyRow = KeyRowKey(requestId, key);

        for (var attempt = 0; ; attempt++)
        {
            var (head, actions) = await NextAsync(table, requestId, cancellationToken);
            var record = Link(requestId, head, eventType, actor, detailsJson);
            actions.AddRange(Rows(record, keyRow));
            try
            {
                // The marker is added in the same transaction: if an earlier run wrote it, the whole append fails and
                // that run's link is answered (no read of the marker first on the usual path).
                await SubmitAsync(table, requestId, head, record, actions, cancellationToken);
                return record;
            }
            catch (TableTransactionFailedException ex) when (Raced(ex, head) && attempt < MaxConcurrencyRetries)
            {
                // A remembered head another writer has moved (or removed) since: read it and try again at once (if that
                // writer appended this very link, the retry meets its marker).
                if (head.Remembered && ex.Status is 412 or 404)
                {
                    continue;
                }

                if (await FindByKeyAsync(table, requestId, keyRow, cancellationToken) is { } existing)
                {
                    return existing;
                }

                // Another writer appended first; re-read the head and try again.
                await Task.Delay(TimeSpan.FromMilliseconds(20 * (attempt + 1)), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Appends the first link of a chain the caller has just begun (its request row was added now) without reading for
    /// a head there cannot be yet; if there is one after all, the write fails on it and the append goes on as any other.
    /// </summary>
    public Task<EvidenceRecord> AppendFirstAsync(string requestId, EvidenceKey key, EvidenceEvent evidence, CancellationToken cancellationToken = default)
    {
        Remember(requestId, new Head(0, EvidenceRecord.GenesisHash, null, Remembered: true));
        return AppendAsync(requestId, key, evidence, cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Appends several links in order in one transaction (one head read, one write), each once under its key; when any
    /// was written before (a re-run) or another writer moved the head, each is appended on its own, keyed as ever.
    /// </summary>
    /// <returns>The last link, as written now or earlier; null for no events.</returns>
    public async Task<EvidenceRecord?> AppendManyAsync(
        string requestId, IReadOnlyList<(EvidenceKey Key, EvidenceEvent Event)> events, CancellationToken cancellationToken = default)
    {
        // Two rows per link and the head: an entity-group transaction holds at most 100 operations.
        if (events.Count is > 0 and <= 40)
        {
            var table = storage.Evidence;
            var (head, actions) = await NextAsync(table, requestId, cancellationToken);
            EvidenceRecord? last = null;
            foreach (var (key, evidence) in events)
            {
                var record = Link(requestId, last is null ? head : new Head(last.Sequence, last.Hash, null), evidence.EventType, "system", Serialise(evidence));
                actions.AddRange(Rows(record, KeyRowKey(requestId, key)));
                last = record;
            }

            try
            {
                await SubmitAsync(table, requestId, head, last!, actions, cancellationToken);
                return last;
            }
            catch (TableTransactionFailedException ex) when (Raced(ex, head))
            {
                // Written before, in part or whole, or raced: one by one below.
            }
        }

        EvidenceRecord? appended = null;
        foreach (var (key, evidence) in events)
        {
            appended = await AppendAsync(requestId, key, evidence, cancellationToken: cancellationToken);
        }

        return appended;
    }

    /// <summary>
    /// The chain's head as read, or as this instance last wrote it (<see cref="Remembered"/>): sequence, hash, ETag
    /// (null ETag: no head row yet).
    /// </summary>
    private sealed record Head(long Sequence, string Hash, ETag? ETag, bool Remembered = false);

    /// <summary>The append lost to another writer, or was written before (409: a marker or a first head exists).</summary>
    private static bool Raced(TableTransactionFailedException ex, Head head) => ex.Status is 409 or 412 || (head.Remembered && ex.Status == 404);

    private async Task<(Head Head, List<TableTransactionAction> Actions)> NextAsync(TableClient table, string requestId, CancellationToken cancellationToken)
    {
        if (writtenHeads.TryRemove(requestId, out var remembered))
        {
            return (remembered, []);
        }

        var row = await table.GetEntityIfExistsAsync<TableEntity>(requestId, HeadRowKey(requestId), cancellationToken: cancellationToken);
        var head = row.HasValue
            ? new Head(row.Value!.GetInt64("Sequence")!.Value, row.Value!.GetString("Hash"), row.Value!.ETag)
            : new Head(0, EvidenceRecord.GenesisHash, null);
        return (head, []);
    }

    /// <summary>
    /// Writes the links' rows and moves the head to <paramref name="last"/>; remembers the head written (the first
    /// operation's ETag) for the request's next append. Taken out of memory while in use, so two appends of one request
    /// at once both read the head row, and a failed write leaves nothing remembered.
    /// </summary>
    private async Task SubmitAsync(
        TableClient table, string requestId, Head read, EvidenceRecord last, List<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        var written = await table.SubmitTransactionAsync(WithHead(requestId, read, last, actions), cancellationToken);
        if (written.Value.Count > 0 && written.Value[0].Headers.ETag is { } etag)
        {
            Remember(requestId, new Head(last.Sequence, last.Hash, etag, Remembered: true));
        }
    }

    private void Remember(string requestId, Head head)
    {
        if (writtenHeads.Count >= RememberedHeads)
        {
            writtenHeads.Clear();
        }

        writtenHeads[requestId] = head;
    }

    private EvidenceRecord Link(string requestId, Head previous, string eventType, string actor, string detailsJson)
    {
        var sequence = previous.Sequence + 1;
        var occurredAt = TruncateToMilliseconds(clock.GetUtcNow());
        var hash = EvidenceRecord.ComputeHash(requestId, sequence, eventType, occurredAt, actor, detailsJson, previous.Hash);
        return new EvidenceRecord(requestId, sequence, eventType, occurredAt, actor, detailsJson, previous.Hash, hash);
    }

    private static IEnumerable<TableTransactionAction> Rows(EvidenceRecord record, string keyRow) =>
    [
        new(TableTransactionActionType.Add, ToEntity(record)),
        new(TableTransactionActionType.Add, new TableEntity(record.RequestId, keyRow) { ["Sequence"] = record.Sequence }),
    ];

    /// <summary>The links' rows and the head moved to <paramref name="last"/>, only if it is still where it was read.</summary>
    private static List<TableTransactionAction> WithHead(string requestId, Head read, EvidenceRecord last, List<TableTransactionAction> actions)
    {
        var head = new TableEntity(requestId, HeadRowKey(requestId)) { ["Sequence"] = last.Sequence, ["Hash"] = last.Hash };
        actions.Insert(0, read.ETag is { } etag
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, head, etag)
            : new TableTransactionAction(TableTransactionActionType.Add, head));
        return actions;
    }

    /// <summary>The details JSON of a link: the event record's own properties (its runtime type), camelCase, enums by name.</summary>
    internal static string Serialise(EvidenceEvent evidence) => JsonSerializer.Serialize(evidence, evidence.GetType(), JsonOptions);

    public async Task<IReadOnlyList<EvidenceRecord>> ReadAsync(string requestId, CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {requestId} and RowKey ge {LinkPrefix} and RowKey lt {"e;"}");
        var records = new List<EvidenceRecord>();
        await foreach (var entity in storage.Evidence.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            records.Add(FromEntity(entity));
        }

        return records;
    }

    public async Task<ChainVerification> VerifyAsync(string requestId, CancellationToken cancellationToken = default) =>
        Verify(await ReadAsync(requestId, cancellationToken));

    public static ChainVerification Verify(IReadOnlyList<EvidenceRecord> records)
    {
        var previous = EvidenceRecord.GenesisHash;
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (record.Sequence != i + 1)
            {
                return new ChainVerification(false, records.Count, previous, record.Sequence, $"Link {i + 1} is missing.");
            }

            if (record.PreviousHash != previous)
            {
                return new ChainVerification(false, records.Count, previous, record.Sequence, $"Link {record.Sequence} does not point at link {i}.");
            }

            if (record.ExpectedHash() != record.Hash)
            {
                return new ChainVerification(false, records.Count, previous, record.Sequence, $"Link {record.Sequence} was altered.");
            }

            previous = record.Hash;
        }

        return new ChainVerification(true, records.Count, previous, null, null);
    }

    private static async Task<EvidenceRecord?> FindByKeyAsync(TableClient table, string requestId, string keyRow, CancellationToken cancellationToken)
    {
        var marker = await table.GetEntityIfExistsAsync<TableEntity>(requestId, keyRow, cancellationToken: cancellationToken);
        if (!marker.HasValue)
        {
            return null;
        }

        var sequence = marker.Value!.GetInt64("Sequence")!.Value;
        var link = await table.GetEntityAsync<TableEntity>(requestId, LinkRowKey(requestId, sequence), cancellationToken: cancellationToken);
        return FromEntity(link.Value);
    }

    private static string LinkRowKey(string requestId, long sequence) =>
        OwnRowKey.For(LinkPrefix + sequence.ToString("D10", CultureInfo.InvariantCulture), requestId);

    private static string HeadRowKey(string requestId) => OwnRowKey.For(HeadRow, requestId);

    private static string KeyRowKey(string requestId, EvidenceKey key) => OwnRowKey.For(KeyPrefix + SanitiseKey(key.Value), requestId);

    // Table keys cannot hold / \ # ? or control characters.
    private static string SanitiseKey(string key) =>
        new(key.Select(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c) ? '_' : c).ToArray());

    private static DateTimeOffset TruncateToMilliseconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    private static TableEntity ToEntity(EvidenceRecord r) => new(r.RequestId, LinkRowKey(r.RequestId, r.Sequence))
    {
        ["Sequence"] = r.Sequence,
        ["EventType"] = r.EventType,
        ["OccurredAt"] = r.OccurredAt,
        ["Actor"] = r.Actor,
        ["Details"] = r.Details,
        ["PreviousHash"] = r.PreviousHash,
        ["Hash"] = r.Hash,
    };

    private static EvidenceRecord FromEntity(TableEntity e) => new(
        e.PartitionKey,
        e.GetInt64("Sequence")!.Value,
        e.GetString("EventType"),
        e.GetDateTimeOffset("OccurredAt")!.Value,
        e.GetString("Actor"),
        e.GetString("Details"),
        e.GetString("PreviousHash"),
        e.GetString("Hash"));

    // Enums as their names: auditors read these rows.
    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
}

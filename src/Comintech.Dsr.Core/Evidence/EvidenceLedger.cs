using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Comintech.Dsr.Storage;

namespace Comintech.Dsr.Evidence;

/// <summary>
/// Append-only, hash-chained evidence per request (Table storage, partition = request id).
/// Rows: <c>e:0000000001</c>… (the links), <c>head</c> (sequence and hash of the last link, for optimistic
/// concurrency) and <c>k:&lt;event key&gt;</c> markers that make an append with the same key happen once.
/// All three are written in one entity-group transaction, so a link, its marker and the head never disagree.
/// </summary>
public sealed class EvidenceLedger(DsrStorage storage, TimeProvider clock)
{
    private const string HeadRow = "head";
    private const string LinkPrefix = "e:";
    private const string KeyPrefix = "k:";
    private const int MaxConcurrencyRetries = 20;

    /// <summary>
    /// Appends one link unless a link with <paramref name="eventKey"/> exists already (activities run at least once).
    /// </summary>
    /// <returns>The link written, or the one written earlier under the same key.</returns>
    public async Task<EvidenceRecord> AppendAsync(
        string requestId, string eventKey, string eventType, object details, string actor = "system", CancellationToken cancellationToken = default)
    {
        var table = storage.Evidence;
        var detailsJson = details as string ?? JsonSerializer.Serialize(details, JsonOptions);
        var keyRow = KeyPrefix + SanitiseKey(eventKey);

        for (var attempt = 0; ; attempt++)
        {
            var existing = await FindByKeyAsync(table, requestId, keyRow, cancellationToken);
            if (existing is not null)
            {
                return existing;
            }

            var head = await table.GetEntityIfExistsAsync<TableEntity>(requestId, HeadRow, cancellationToken: cancellationToken);
            var sequence = head.HasValue ? head.Value!.GetInt64("Sequence")!.Value + 1 : 1;
            var previousHash = head.HasValue ? head.Value!.GetString("Hash") : EvidenceRecord.GenesisHash;
            var occurredAt = TruncateToMilliseconds(clock.GetUtcNow());
            var hash = EvidenceRecord.ComputeHash(requestId, sequence, eventType, occurredAt, actor, detailsJson, previousHash);
            var record = new EvidenceRecord(requestId, sequence, eventType, occurredAt, actor, detailsJson, previousHash, hash);

            var newHead = new TableEntity(requestId, HeadRow) { ["Sequence"] = sequence, ["Hash"] = hash };
            var actions = new List<TableTransactionAction>
            {
                head.HasValue
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, newHead, head.Value!.ETag)
                    : new TableTransactionAction(TableTransactionActionType.Add, newHead),
                new(TableTransactionActionType.Add, ToEntity(record)),
                new(TableTransactionActionType.Add, new TableEntity(requestId, keyRow) { ["Sequence"] = sequence }),
            };

            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                return record;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 && attempt < MaxConcurrencyRetries)
            {
                // Another writer appended first; re-read the head (and the marker) and try again.
                await Task.Delay(TimeSpan.FromMilliseconds(20 * (attempt + 1)), cancellationToken);
            }
        }
    }

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
        var link = await table.GetEntityAsync<TableEntity>(requestId, LinkRowKey(sequence), cancellationToken: cancellationToken);
        return FromEntity(link.Value);
    }

    private static string LinkRowKey(long sequence) => LinkPrefix + sequence.ToString("D10", CultureInfo.InvariantCulture);

    // Table keys cannot hold / \ # ? or control characters.
    private static string SanitiseKey(string key) =>
        new(key.Select(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c) ? '_' : c).ToArray());

    private static DateTimeOffset TruncateToMilliseconds(DateTimeOffset value) =>
        new(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    private static TableEntity ToEntity(EvidenceRecord r) => new(r.RequestId, LinkRowKey(r.Sequence))
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

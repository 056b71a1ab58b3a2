namespace Comintech.Dsr.Deadlines;

/// <summary>
/// What is due later for each open request, in table <c>DsrDeadlines</c>, partition the day it is due (<c>yyyyMMdd</c>,
/// so the rows due by now are one key-range query): its next deadline alert (row key the request id, with the deadline
/// it was computed for) and the end of its verification window (row key <c>&lt;requestId&gt;.verification</c>).
/// <see cref="DeadlineSweep"/> acts on what is due; nothing waits per request in the engine.
/// </summary>
public sealed class DeadlineIndex(DsrStorage storage, IOptions<DeadlineOptions> options)
{
    private const string VerificationExpiry = "VerificationExpiry";
    private const string VerificationSuffix = ".verification";

    private TableClient Table => storage.Tables.GetTableClient(DsrStorage.DeadlinesTable);

    /// <summary>Files the first alert point after <paramref name="after"/> for the deadline (none left: nothing). Idempotent.</summary>
    public async Task FileAsync(string requestId, DateTimeOffset dueAt, DateTime after, CancellationToken cancellationToken)
    {
        var due = dueAt.UtcDateTime;
        if (DeadlinePoint.Schedule(due, options.Value.EffectiveReminderOffsets).FirstOrDefault(p => p.At > after) is not { } next)
        {
            return;
        }

        await Table.UpsertEntityAsync(
            new TableEntity(Day(next.At), requestId)
            {
                ["DueTicks"] = due.Ticks,
                ["AtTicks"] = next.At.Ticks,
                ["BeforeTicks"] = next.Before.Ticks,
                ["Kind"] = next.Kind.ToString(),
            },
            TableUpdateMode.Replace,
            cancellationToken);
    }

    /// <summary>Files the end of a request's verification window (the sweep then raises it to the workflow). Idempotent.</summary>
    public Task FileVerificationExpiryAsync(string requestId, DateTime expiresAtUtc, CancellationToken cancellationToken) =>
        Table.UpsertEntityAsync(
            new TableEntity(Day(expiresAtUtc), requestId + VerificationSuffix) { ["AtTicks"] = expiresAtUtc.Ticks, ["Kind"] = VerificationExpiry },
            TableUpdateMode.Replace,
            cancellationToken);

    /// <summary>The rows due at <paramref name="nowUtc"/>, earliest day first.</summary>
    public async IAsyncEnumerable<DueAlert> DueAsync(DateTime nowUtc, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey le {Day(nowUtc)} and AtTicks le {nowUtc.Ticks}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (row.GetString("Kind") == VerificationExpiry)
            {
                yield return new DueAlert(row.RowKey[..^VerificationSuffix.Length], default, null, row.PartitionKey, row.RowKey, row.ETag);
                continue;
            }

            var due = new DateTime(row.GetInt64("DueTicks") ?? 0, DateTimeKind.Utc);
            var point = new DeadlinePoint(
                new DateTime(row.GetInt64("AtTicks") ?? 0, DateTimeKind.Utc),
                TimeSpan.FromTicks(row.GetInt64("BeforeTicks") ?? 0),
                Enum.Parse<DeadlineAlertKind>(row.GetString("Kind")));
            yield return new DueAlert(row.RowKey, due, point, row.PartitionKey, row.RowKey, row.ETag);
        }
    }

    /// <summary>Removes a handled row unless it was filed again meanwhile (same day and request: its tag changed).</summary>
    public async Task RemoveAsync(DueAlert alert, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteEntityAsync(alert.Day, alert.RowKey, alert.ETag, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Gone already (an earlier sweep) or replaced by the next point of the same day.
        }
    }

    private static string Day(DateTime utc) => utc.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}

/// <summary>
/// One filed row found due: the request, and the deadline it was computed for with the alert point, or no point for
/// the end of the verification window; and its row.
/// </summary>
public sealed record DueAlert(string RequestId, DateTime DueAtUtc, DeadlinePoint? Point, string Day, string RowKey, ETag ETag);

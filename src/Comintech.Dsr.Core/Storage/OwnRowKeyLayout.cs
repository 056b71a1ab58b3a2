namespace Comintech.Dsr.Storage;

/// <summary>
/// Moves rows written before <see cref="OwnRowKey"/> (row key <c>request</c>, <c>head</c>, <c>e:0000000001</c>,
/// <c>code-mails</c>…) to their row keys with the partition key (<c>request@{requestId}</c>…), once per storage account:
/// both hosts run it at start, before they serve. Each partition's rows move in entity-group transactions that add the
/// row under its new key and delete the old one together, so a crash leaves every row under exactly one key and the
/// next start carries on; a marker row records that the move is complete, so later starts make one read.
/// The evidence chain is unaffected: a link's hash covers its request id and sequence, not its row key.
/// </summary>
public sealed partial class OwnRowKeyLayout(DsrStorage storage, TimeProvider clock, ILogger<OwnRowKeyLayout> logger)
{
    private const string MarkerPartition = "layout";
    private static readonly string MarkerRow = OwnRowKey.For("own-row-keys", MarkerPartition);

    /// <summary>Two operations per row moved: an entity-group transaction holds at most 100.</summary>
    private const int RowsPerTransaction = 50;

    public async Task MoveAsync(CancellationToken cancellationToken = default)
    {
        var marker = await storage.Requests.GetEntityIfExistsAsync<TableEntity>(MarkerPartition, MarkerRow, cancellationToken: cancellationToken);
        if (marker.HasValue)
        {
            return;
        }

        var complete = true;
        foreach (var table in new[] { storage.Requests, storage.Evidence, storage.Limits })
        {
            var (moved, left) = await MoveTableAsync(table, cancellationToken);
            if (moved > 0)
            {
                LogMoved(logger, table.Name, moved);
            }

            if (left > 0)
            {
                LogLeft(logger, table.Name, left);
                complete = false;
            }
        }

        if (!complete)
        {
            return;
        }

        await storage.Requests.UpsertEntityAsync(new TableEntity(MarkerPartition, MarkerRow) { ["CompletedAt"] = clock.GetUtcNow() }, cancellationToken: cancellationToken);
    }

    private static async Task<(int Moved, int Left)> MoveTableAsync(TableClient table, CancellationToken cancellationToken)
    {
        var (moved, found) = (0, 0);
        await foreach (var page in table.QueryAsync<TableEntity>(cancellationToken: cancellationToken).AsPages())
        {
            foreach (var partition in page.Values.Where(row => !OwnRowKey.IsFor(row.RowKey, row.PartitionKey)).GroupBy(row => row.PartitionKey))
            {
                foreach (var rows in partition.Chunk(RowsPerTransaction))
                {
                    found += rows.Length;
                    moved += await MoveRowsAsync(table, rows, cancellationToken);
                }
            }
        }

        return (moved, found - moved);
    }

    /// <summary>
    /// Moves rows of one partition together; if another start moved or changed any of them first, each on its own. A row
    /// whose new key is taken already is left where it is (and counted as not moved).
    /// </summary>
    private static async Task<int> MoveRowsAsync(TableClient table, IReadOnlyList<TableEntity> rows, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(rows.SelectMany(Move), cancellationToken);
            return rows.Count;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            var moved = 0;
            foreach (var row in rows)
            {
                while (await table.GetEntityIfExistsAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken) is { HasValue: true } current)
                {
                    try
                    {
                        await table.SubmitTransactionAsync(Move(current.Value!), cancellationToken);
                        moved++;
                        break;
                    }
                    catch (TableTransactionFailedException one) when (one.Status is 404 or 412)
                    {
                        // Moved or changed by another start meanwhile: read it again.
                    }
                    catch (TableTransactionFailedException one) when (one.Status == 409)
                    {
                        break;
                    }
                }
            }

            return moved;
        }
    }

    private static IEnumerable<TableTransactionAction> Move(TableEntity row)
    {
        var copy = new TableEntity(row.PartitionKey, OwnRowKey.For(row.RowKey, row.PartitionKey)).WithAll(row, except: TableEntityCopy.SystemColumns);
        return
        [
            new(TableTransactionActionType.Add, copy),
            new(TableTransactionActionType.Delete, new TableEntity(row.PartitionKey, row.RowKey), row.ETag),
        ];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Table {Table}: {Rows} rows moved to row keys that end with their partition key")]
    private static partial void LogMoved(ILogger logger, string table, int rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Table {Table}: {Rows} rows not moved, their new row key is taken already; they stay unread until an operator resolves them, and the move runs again at the next start")]
    private static partial void LogLeft(ILogger logger, string table, int rows);
}

namespace Comintech.Dsr.Storage;

/// <summary>
/// Row keys of the rows the system keeps per request or per address in its own tables (<c>DsrRequests</c>,
/// <c>DsrEvidence</c>, <c>DsrLimits</c>): the row's kind, <c>@</c>, and its partition key (<c>request@{requestId}</c>),
/// so that no row key is shared across partitions. Azure Table storage indexes partition and row key together and does
/// not care; Azurite (the local engine's storage) finds an entity through its row-key index and only then filters by
/// partition, so a kind shared by every partition made each point read, insert and update walk every request's row of
/// that kind, a cost that grew with every request ever kept.
/// </summary>
public static class OwnRowKey
{
    private const char Separator = '@';

    public static string For(string kind, string partitionKey) => $"{kind}{Separator}{partitionKey}";

    /// <summary>Whether a row key is in this layout for its partition (rows written before it are moved by <see cref="OwnRowKeyLayout"/>).</summary>
    public static bool IsFor(string rowKey, string partitionKey) =>
        rowKey.Length > partitionKey.Length + 1 && rowKey[^(partitionKey.Length + 1)] == Separator && rowKey.EndsWith(partitionKey, StringComparison.Ordinal);

    /// <summary>The filter for every row of <paramref name="kind"/> across partitions (a query over the whole table, as ever).</summary>
    public static string OfKind(string kind) =>
        TableClient.CreateQueryFilter($"RowKey gt {kind + Separator} and RowKey lt {kind + (char)(Separator + 1)}");
}

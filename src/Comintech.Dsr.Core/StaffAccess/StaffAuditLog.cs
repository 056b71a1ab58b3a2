namespace Comintech.Dsr.StaffAccess;

/// <summary>One staff action: who, when, what, on which request, and why.</summary>
public sealed record StaffAuditEntry(DateTimeOffset At, string Actor, string Action, string? RequestId, string? Reason);

/// <summary>
/// Append-only log of staff actions (table <c>DsrAudit</c>): partition = month (<c>yyyy-MM</c>), row key = time
/// ticks plus a random suffix, so rows sort by time and are only ever added.
/// </summary>
public sealed class StaffAuditLog(DsrStorage storage, TimeProvider clock)
{
    private TableClient Audit => storage.Audit;

    public async Task<StaffAuditEntry> AppendAsync(
        StaffPrincipal actor, string action, string? requestId, string? reason, CancellationToken cancellationToken = default)
    {
        var at = clock.GetUtcNow();
        var entry = new StaffAuditEntry(at, actor.Name, action, requestId, reason);
        await Audit.AddEntityAsync(
            new TableEntity(at.ToString("yyyy-MM", CultureInfo.InvariantCulture), $"{at.UtcTicks:D19}-{Guid.NewGuid():N}")
            {
                ["At"] = at,
                ["Actor"] = actor.Name,
                ["Method"] = actor.Method,
                ["Action"] = action,
                ["RequestId"] = requestId,
                ["Reason"] = reason,
            },
            cancellationToken);
        return entry;
    }

    /// <summary>The actions on one request, oldest first (a query across the month partitions).</summary>
    public async Task<IReadOnlyList<StaffAuditEntry>> ForRequestAsync(string requestId, CancellationToken cancellationToken = default)
    {
        var entries = new List<StaffAuditEntry>();
        var filter = TableClient.CreateQueryFilter($"RequestId eq {requestId}");
        await foreach (var e in Audit.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            entries.Add(new StaffAuditEntry(e.GetDateTimeOffset("At")!.Value, e.GetString("Actor"), e.GetString("Action"), e.GetString("RequestId"), e.GetString("Reason")));
        }

        return [.. entries.OrderBy(e => e.At)];
    }
}

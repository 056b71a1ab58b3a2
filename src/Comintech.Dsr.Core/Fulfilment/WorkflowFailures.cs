namespace Comintech.Dsr.Fulfilment;

/// <summary>A request's orchestration that failed: the step, the reason (no personal data), when, and how often it was restarted.</summary>
public sealed record WorkflowFailure(int Number, string Step, string Reason, DateTimeOffset FailedAt, bool Restarted);

/// <summary>
/// Row <c>workflow</c> beside the request row (table <c>DsrRequests</c>): the last failure of the request's
/// orchestration, numbered, so staff see it and a restart is recorded against it.
/// </summary>
public sealed class WorkflowFailures(DsrStorage storage, TimeProvider clock)
{
    internal const string Kind = "workflow";

    private static string Row(string requestId) => OwnRowKey.For(Kind, requestId);

    public async Task<WorkflowFailure?> FindAsync(string requestId, CancellationToken cancellationToken = default)
    {
        var row = await storage.Requests.GetEntityIfExistsAsync<TableEntity>(requestId, Row(requestId), cancellationToken: cancellationToken);
        return row.HasValue ? RecordRows.Read<WorkflowFailure>(row.Value!) : null;
    }

    /// <summary>Records a failure; the same failure recorded again (a re-run step) keeps its number.</summary>
    public async Task<WorkflowFailure> RecordAsync(string requestId, string step, string reason, CancellationToken cancellationToken = default)
    {
        var current = await FindAsync(requestId, cancellationToken);
        if (current is { Restarted: false })
        {
            return current;
        }

        var failure = new WorkflowFailure((current?.Number ?? 0) + 1, step, reason, clock.GetUtcNow(), false);
        await storage.Requests.UpsertEntityAsync(RecordRows.Write(requestId, Row(requestId), failure), TableUpdateMode.Replace, cancellationToken);
        return failure;
    }

    /// <summary>Marks the failure as dealt with by a restart; false when there is no open failure.</summary>
    public async Task<bool> MarkRestartedAsync(string requestId, CancellationToken cancellationToken = default)
    {
        var current = await FindAsync(requestId, cancellationToken);
        if (current is not { Restarted: false })
        {
            return false;
        }

        await storage.Requests.UpdateEntityAsync(
            new TableEntity(requestId, Row(requestId)) { [nameof(WorkflowFailure.Restarted)] = true }, ETag.All, TableUpdateMode.Merge, cancellationToken);
        return true;
    }
}

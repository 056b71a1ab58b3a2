namespace Comintech.Dsr.Retention;

/// <summary>
/// Erases the person's earlier DSR working copies (exports, packages, raw e-mails, staff attachments) and the
/// identifiers of their earlier closed requests (a deletion's stay while its backups may be restored), found by the keyed hash of the verified address (and of a bound
/// account id). Requests still open are left to finish. Outcome: earlier requests found, copies and rows removed.
/// </summary>
public sealed class DsrRecordsConnector(RequestStore requests, IdentifierHasher hasher, WorkingCopies copies, TimeProvider clock) : IDataStoreConnector
{
    public string Kind => DsrRecordsStore.KindName;

    public Task<ConnectorOutcome> ExportAsync(ConnectorRequest request, CancellationToken cancellationToken) =>
        throw new ConnectorException("The system's own records are erased with a deletion; they are not exported.");

    public Task<ConnectorOutcome> RectifyAsync(ConnectorRequest request, CancellationToken cancellationToken) =>
        throw new ConnectorException("The system's own records are not corrected here.");

    public async Task<ConnectorOutcome> EraseAsync(ConnectorRequest request, CancellationToken cancellationToken)
    {
        var hashes = new[] { hasher.Hash(request.Subject.Email), request.Subject.AccountId is { } account ? hasher.Hash(account) : null };
        var earlier = (await requests.FindByHashesAsync(hashes.OfType<string>().ToList(), cancellationToken))
            .Where(r => r.Id != request.RequestId)
            .ToList();
        var (removed, open) = (0, 0);
        foreach (var other in earlier)
        {
            if (!other.Status.IsFinal())
            {
                open++;
                continue;
            }

            removed += (await copies.RemoveAllAsync(other.Id, cancellationToken)).Total;
            if (other.Type != RequestType.Deletion)
            {
                // An earlier deletion keeps its identifiers until its backups expire (the retention pass removes them).
                removed += await requests.MinimiseAsync(other.Id, cancellationToken, minimisedFor: request.RequestId) ? 1 : 0;
            }
        }

        // Always Done: even with no earlier request, this request's own log entry is kept, which the person is told.
        var note = $"{earlier.Count} earlier request(s); {removed} copies or records removed" + (open > 0 ? $"; {open} still open, left to finish." : ".");
        return request.Outcome(OutcomeKind.Done, earlier.Count, removed, note, null, clock.GetUtcNow());
    }
}

namespace Comintech.Dsr.Connectors.WebLogs;

/// <summary>
/// Web-server logs (NCSA combined, plain or gzip) in a Blob container. Access exports the lines holding the person's
/// identifiers; erasure rewrites each affected blob with them pseudonymised, swapping the new blob in atomically.
/// Erasures queue up and one pass over the logs (under a blob lease) serves every request waiting for this store.
/// </summary>
/// <remarks>
/// Settings: <c>Container</c> (required); <c>Prefix</c> (only blobs under it); the logs account as
/// <see cref="StoreAccounts"/> reads it (<c>ConnectionStringName</c>, or <c>AccountName</c> / <c>ServiceUri</c> by managed
/// identity; default: the system's own storage). A container that does not exist fails the action.
/// Identifiers: <c>Email</c>, <c>LoginIp</c> and <c>AccountId</c> are each matched as whole tokens.
/// </remarks>
public sealed class WebLogBlobConnector(
    DsrStorage storage,
    StoreAccounts accounts,
    RequestStore requests,
    LoginHistoryLookup loginHistory,
    IdentifierHasher hasher,
    ConnectorExports exports,
    TimeProvider clock) : IDataStoreConnector
{
    public const string KindName = "BlobWebLogs";
    public const string LocksContainer = DsrStorage.LocksContainer;
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan WaitLimit = TimeSpan.FromMinutes(5);
    private const int CommitAttempts = 3;

    private readonly WebLogErasureQueue queue = new(storage);

    public string Kind => KindName;

    /// <summary>
    /// Exports the lines holding the person's e-mail or account id, and the lines from their login IPs that fall within
    /// their own sessions (see <see cref="LoginSessions"/>): a line from a shared IP outside them may be another person's
    /// and is left out, counted in the note.
    /// </summary>
    public async Task<ConnectorOutcome> ExportAsync(ConnectorRequest request, CancellationToken cancellationToken)
    {
        var all = Identifiers(request.RequestId, request.Store, request.Subject, request.LoginIps).ToList();
        var direct = new LogRedactor(all.Where(i => !request.LoginIps.Contains(i.Value)), hasher);
        var byIp = new LogRedactor(all.Where(i => request.LoginIps.Contains(i.Value)), hasher);
        var sessions = byIp.IsEmpty ? null : await loginHistory.SessionsAsync(request.Subject, request.LoginIps, cancellationToken);
        var lines = new List<object>();
        var leftOut = 0;
        await foreach (var blob in BlobsAsync(request.Store, cancellationToken))
        {
            var log = await LogBlobs.ReadAsync(blob, cancellationToken);
            foreach (var line in LogRedactor.Lines(log.Text))
            {
                var ips = byIp.Values(line);
                var own = direct.Owners(line).Count > 0
                    || (ips.Count > 0 && LogRedactor.TimeOf(line) is { } at && ips.Any(ip => sessions!.IsOwnSession(ip, at)));
                if (own)
                {
                    lines.Add(new { blob = blob.Name, line = line.TrimEnd('\r', '\n') });
                }
                else if (ips.Count > 0)
                {
                    leftOut++;
                }
            }
        }

        var note = leftOut == 0 ? null
            : $"{leftOut} line(s) from your login IP addresses fell outside your own sessions and were left out: they may be another person's.";
        if (lines.Count == 0)
        {
            return request.Outcome(OutcomeKind.NothingFound, 0, 0, note, null, clock.GetUtcNow());
        }

        var path = await exports.WriteAsync(request, lines, cancellationToken);
        return request.Outcome(OutcomeKind.Done, lines.Count, lines.Count, note, path, clock.GetUtcNow());
    }

    public Task<ConnectorOutcome> RectifyAsync(ConnectorRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(request.Outcome(OutcomeKind.NothingFound, 0, 0, "Web-server logs record past visits; they are not corrected.", null, clock.GetUtcNow()));

    public async Task<ConnectorOutcome> EraseAsync(ConnectorRequest request, CancellationToken cancellationToken)
    {
        var storeId = request.Store.Id;
        await queue.EnqueueAsync(storeId, request.RequestId, cancellationToken);
        var giveUpAt = clock.GetUtcNow() + WaitLimit;
        while (true)
        {
            if (await queue.ResultAsync(storeId, request.RequestId, cancellationToken) is { } counts)
            {
                var kind = counts.LinesMatched == 0 ? OutcomeKind.NothingFound : OutcomeKind.Done;
                var note = counts.BlobsRewritten > 0 ? $"{counts.BlobsRewritten} log blob(s) rewritten with the identifiers pseudonymised." : null;
                return request.Outcome(kind, counts.LinesMatched, counts.LinesRewritten, note, null, clock.GetUtcNow());
            }

            var lease = await TryLeaseAsync(storeId, cancellationToken);
            if (lease is not null)
            {
                try
                {
                    await PassAsync(request, lease, cancellationToken);
                }
                finally
                {
                    await lease.ReleaseAsync(cancellationToken: CancellationToken.None);
                }

                continue;
            }

            if (clock.GetUtcNow() > giveUpAt)
            {
                throw new ConnectorException("Another pass over the logs is still running.");
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    public IEnumerable<string> ValidateSettings(DataStoreDefinition store)
    {
        if (store.Setting("Container") is not { } container || container.Length is < 3 or > 63 || !container.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            yield return "Settings:Container is required: a blob container name (3-63 lower-case letters, digits, '-').";
        }

        foreach (var problem in StoreAccounts.Location.Of(store).Problems("Settings:"))
        {
            yield return problem;
        }
    }

    public async Task<string?> FindMissingAsync(DataStoreDefinition store, CancellationToken cancellationToken) =>
        await Container(store).ExistsAsync(cancellationToken) ? null : $"container '{store.Setting("Container")}'";

    /// <summary>One pass over every log blob for every erasure waiting on this store.</summary>
    private async Task PassAsync(ConnectorRequest own, BlobLeaseClient lease, CancellationToken cancellationToken)
    {
        var store = own.Store;
        var pending = await queue.PendingAsync(store.Id, cancellationToken);
        var identifiers = new List<(string, string, bool)>();
        foreach (var requestId in pending)
        {
            if (requestId == own.RequestId)
            {
                identifiers.AddRange(Identifiers(requestId, store, own.Subject, own.LoginIps));
                continue;
            }

            // Another request's erasure batched into this pass: its bound identifiers only, as its own run would use.
            if (await requests.FindAsync(requestId, cancellationToken) is not { BoundSubject: var subject })
            {
                continue;
            }

            var ips = own.Uses(SubjectIdentifier.LoginIp) ? await loginHistory.FindAsync(subject, cancellationToken) : [];
            identifiers.AddRange(Identifiers(requestId, store, subject, ips));
        }

        var redactor = new LogRedactor(identifiers, hasher);
        var counts = pending.ToDictionary(id => id, _ => new int[3], StringComparer.Ordinal);
        await foreach (var blob in redactor.IsEmpty ? Empty() : BlobsAsync(store, cancellationToken))
        {
            await RewriteAsync(blob, redactor, counts, cancellationToken);
            await lease.RenewAsync(cancellationToken: cancellationToken);
        }

        foreach (var (requestId, c) in counts)
        {
            await queue.CompleteAsync(store.Id, requestId, new WebLogCounts(c[0], c[1], c[2]), cancellationToken);
        }
    }

    private static async Task RewriteAsync(BlobClient blob, LogRedactor redactor, Dictionary<string, int[]> counts, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= CommitAttempts; attempt++)
        {
            var log = await LogBlobs.ReadAsync(blob, cancellationToken);
            var matched = new Dictionary<string, int>(StringComparer.Ordinal);
            var lines = LogRedactor.Lines(log.Text).Select(line =>
            {
                var owners = redactor.Owners(line);
                foreach (var owner in owners)
                {
                    matched[owner] = matched.GetValueOrDefault(owner) + 1;
                }

                return owners.Count > 0 ? redactor.Redact(line) : line;
            }).ToList();
            if (matched.Count == 0)
            {
                return;
            }

            if (await LogBlobs.ReplaceAsync(log, LogRedactor.Join(lines), cancellationToken))
            {
                foreach (var (owner, n) in matched)
                {
                    counts[owner][0] += n;
                    counts[owner][1] += n;
                    counts[owner][2]++;
                }

                return;
            }
        }

        throw new ConnectorException($"A log blob kept changing while it was rewritten ({CommitAttempts} attempts); the pass will be retried.");
    }

    private static IEnumerable<(string RequestId, string Value, bool IsEmail)> Identifiers(
        string requestId, DataStoreDefinition store, Domain.DataSubject subject, IReadOnlyList<string> loginIps)
    {
        var uses = store.EffectiveIdentifiers;
        if (uses.Contains(SubjectIdentifier.Email))
        {
            yield return (requestId, subject.NormalisedEmail, true);
        }

        if (uses.Contains(SubjectIdentifier.AccountId) && subject.AccountId is not null)
        {
            yield return (requestId, subject.AccountId, false);
        }

        foreach (var ip in uses.Contains(SubjectIdentifier.LoginIp) ? loginIps : [])
        {
            yield return (requestId, ip, false);
        }
    }

    private async IAsyncEnumerable<BlobClient> BlobsAsync(DataStoreDefinition store, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var container = Container(store);
        if (!await container.ExistsAsync(cancellationToken))
        {
            // Not proof that the logs hold nothing: a mapping or deployment error.
            throw new ConnectorException($"Store '{store.Id}': container '{container.Name}' does not exist.");
        }

        await foreach (var item in container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = store.Setting("Prefix") }, cancellationToken))
        {
            if (item.Properties.BlobType == Azure.Storage.Blobs.Models.BlobType.Block)
            {
                yield return container.GetBlobClient(item.Name);
            }
        }
    }

    private static async IAsyncEnumerable<BlobClient> Empty()
    {
        await Task.CompletedTask;
        yield break;
    }

    private async Task<BlobLeaseClient?> TryLeaseAsync(string storeId, CancellationToken cancellationToken)
    {
        var container = storage.Blobs.GetBlobContainerClient(LocksContainer);
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var blob = container.GetBlobClient($"weblogs-{storeId}.lock");
        try
        {
            await blob.UploadAsync(BinaryData.Empty, overwrite: false, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // The lock blob exists already (and may be leased).
        }

        var lease = blob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(LeaseDuration, cancellationToken: cancellationToken);
            return lease;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }
    }

    private BlobContainerClient Container(DataStoreDefinition store) =>
        accounts.Blobs(StoreAccounts.Location.Of(store)).GetBlobContainerClient(store.Setting("Container"));
}

namespace Comintech.Dsr.Verification;

public enum VerifyResult
{
    Verified,
    AlreadyVerified,
    WrongCode,
    Expired,
    Locked,
    NoCodeIssued,
}

public sealed record VerifyOutcome(VerifyResult Result, int AttemptsLeft);

public enum ResendDecision
{
    Allowed,
    TooSoon,
    LimitReached,
    AlreadyVerified,
}

public sealed record ResendCheck(ResendDecision Decision, TimeSpan RetryAfter, int NextIssue);

/// <summary>Code number <see cref="Issue"/> and the verification row as stored once it was issued (its ETag included).</summary>
public sealed record IssuedCode(string Code, int Issue, TableEntity Row)
{
    public override string ToString() => $"IssuedCode {{ Issue = {Issue}, redacted }}";
}

/// <summary>
/// The state of a request's identity check (row <c>verification</c> beside the request): only a salted hash of the
/// current code, its expiry, wrong attempts and how many codes were sent. Updates use the row's ETag, so two
/// concurrent guesses cannot both be counted as the first.
/// </summary>
public sealed class VerificationService(DsrStorage storage, IOptions<VerificationOptions> options, IOptions<IdentifierHashOptions> keys, TimeProvider clock)
{
    private const string Kind = "verification";

    private static string Row(string requestId) => OwnRowKey.For(Kind, requestId);

    private VerificationOptions Settings => options.Value;

    /// <summary>
    /// Creates code number <paramref name="issue"/> and stores its hash; the result carries the row as stored, so
    /// <see cref="MarkSentAsync"/> writes it without reading it again. Returns null when that code was sent already or
    /// the person is verified (a re-run activity must not send a second, different code).
    /// </summary>
    public async Task<IssuedCode?> IssueAsync(string requestId, int issue, CancellationToken cancellationToken = default)
    {
        // Code 1 usually finds no row: it is added without a read, and a row already there (a re-run) fails the add.
        var mayBeFirst = issue == 1;
        while (true)
        {
            var existing = mayBeFirst ? null : await ReadAsync(requestId, cancellationToken);
            mayBeFirst = false;
            if (existing is not null && (existing.GetBoolean("Verified") == true
                || (existing.GetInt32("Issue") >= issue && existing.GetBoolean("Sent") == true)))
            {
                return null;
            }

            if (existing is not null && existing.GetInt32("Issue") == issue && existing.GetBinary("Salt") is { } issued)
            {
                return new IssuedCode(VerificationCodes.Derive(keys.Value.IdentifierHashKey, issued), issue, existing);
            }

            var salt = VerificationCodes.NewSalt();
            var code = VerificationCodes.Derive(keys.Value.IdentifierHashKey, salt);
            var now = clock.GetUtcNow();
            var entity = new TableEntity(requestId, Row(requestId))
            {
                ["Issue"] = issue,
                ["Salt"] = salt,
                ["CodeHash"] = VerificationCodes.Hash(salt, code),
                ["IssuedAt"] = now,
                ["ExpiresAt"] = now + Settings.CodeTtl,
                ["FailedAttempts"] = 0,
                ["Sent"] = false,
                ["SentCount"] = existing?.GetInt32("SentCount") ?? 0,
                ["LastSentAt"] = existing?.GetDateTimeOffset("LastSentAt"),
                ["Verified"] = false,
            };
            try
            {
                // Conditional: the person may verify the previous code meanwhile, and that must not be overwritten.
                var written = await (existing is null
                    ? storage.Requests.AddEntityAsync(entity, cancellationToken)
                    : storage.Requests.UpdateEntityAsync(entity, existing.ETag, TableUpdateMode.Replace, cancellationToken));
                entity.ETag = written.Headers.ETag ?? default;
                return new IssuedCode(code, issue, entity);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // There already (code 1 on a re-run) or changed meanwhile: decide again on what is there now.
            }
        }
    }

    /// <summary>
    /// Records that code <paramref name="issue"/> went out. The person may verify it in the same moment (the e-mail is
    /// already out): the update is tried on the row as the issue left it (no read), then retried on what is there then,
    /// and still counts the code as sent.
    /// </summary>
    public Task MarkSentAsync(IssuedCode issued, CancellationToken cancellationToken = default) =>
        MarkSentAsync(issued.Row.PartitionKey, issued.Issue, issued.Row.ETag == default ? null : issued.Row, cancellationToken);

    private async Task MarkSentAsync(string requestId, int issue, TableEntity? asIssued, CancellationToken cancellationToken)
    {
        while (true)
        {
            var entity = asIssued ?? await ReadAsync(requestId, cancellationToken)
                ?? throw new InvalidOperationException($"No verification state for request {requestId}.");
            asIssued = null;
            if (entity.GetInt32("Issue") != issue || entity.GetBoolean("Sent") == true)
            {
                return;
            }

            entity["Sent"] = true;
            entity["SentCount"] = (entity.GetInt32("SentCount") ?? 0) + 1;
            entity["LastSentAt"] = clock.GetUtcNow();
            try
            {
                await storage.Requests.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // Verified (or a wrong guess counted) between the read and the write: read again.
            }
        }
    }

    /// <summary>
    /// Marks the issued code verified without it: only for smoke requests, whose code goes to no one (the caller has
    /// checked the smoke key). False until a code has been issued.
    /// </summary>
    public async Task<bool> ConfirmSmokeAsync(string requestId, CancellationToken cancellationToken = default)
    {
        var entity = await ReadAsync(requestId, cancellationToken);
        if (entity is null || entity.GetBinary("CodeHash") is null)
        {
            return false;
        }

        if (entity.GetBoolean("Verified") != true)
        {
            entity["Verified"] = true;
            entity["VerifiedAt"] = clock.GetUtcNow();
            await storage.Requests.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }

        return true;
    }

    public async Task<VerifyOutcome> VerifyAsync(string requestId, string code, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var entity = await ReadAsync(requestId, cancellationToken);
            if (entity is null || entity.GetBinary("CodeHash") is null)
            {
                return new VerifyOutcome(VerifyResult.NoCodeIssued, 0);
            }

            if (entity.GetBoolean("Verified") == true)
            {
                return new VerifyOutcome(VerifyResult.AlreadyVerified, 0);
            }

            var failed = entity.GetInt32("FailedAttempts") ?? 0;
            if (failed >= Settings.MaxAttempts)
            {
                return new VerifyOutcome(VerifyResult.Locked, 0);
            }

            if (clock.GetUtcNow() > entity.GetDateTimeOffset("ExpiresAt"))
            {
                return new VerifyOutcome(VerifyResult.Expired, 0);
            }

            var matches = VerificationCodes.Matches(entity.GetBinary("Salt"), entity.GetBinary("CodeHash"), code);
            if (matches)
            {
                entity["Verified"] = true;
                entity["VerifiedAt"] = clock.GetUtcNow();
            }
            else
            {
                entity["FailedAttempts"] = failed + 1;
            }

            try
            {
                await storage.Requests.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                continue;
            }

            return matches
                ? new VerifyOutcome(VerifyResult.Verified, 0)
                : new VerifyOutcome(VerifyResult.WrongCode, Settings.MaxAttempts - failed - 1);
        }
    }

    public async Task<ResendCheck> CheckResendAsync(string requestId, CancellationToken cancellationToken = default)
    {
        var entity = await ReadAsync(requestId, cancellationToken);
        var issue = (entity?.GetInt32("Issue") ?? 0) + 1;
        if (entity?.GetBoolean("Verified") == true)
        {
            return new ResendCheck(ResendDecision.AlreadyVerified, TimeSpan.Zero, issue);
        }

        if ((entity?.GetInt32("SentCount") ?? 0) >= Settings.MaxCodesSent)
        {
            return new ResendCheck(ResendDecision.LimitReached, TimeSpan.Zero, issue);
        }

        // No code yet, or one issued but not sent (on its way, or held by the daily cap): the interval runs from its issue.
        var last = entity?.GetDateTimeOffset("LastSentAt") ?? entity?.GetDateTimeOffset("IssuedAt") ?? clock.GetUtcNow();
        var wait = last + Settings.ResendInterval - clock.GetUtcNow();
        return wait > TimeSpan.Zero
            ? new ResendCheck(ResendDecision.TooSoon, wait, issue)
            : new ResendCheck(ResendDecision.Allowed, TimeSpan.Zero, issue);
    }

    /// <summary>Whether the person has verified a code (a restarted workflow counts it).</summary>
    public async Task<bool> IsVerifiedAsync(string requestId, CancellationToken cancellationToken = default) =>
        (await ReadAsync(requestId, cancellationToken))?.GetBoolean("Verified") == true;

    private async Task<TableEntity?> ReadAsync(string requestId, CancellationToken cancellationToken)
    {
        var response = await storage.Requests.GetEntityIfExistsAsync<TableEntity>(requestId, Row(requestId), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }
}

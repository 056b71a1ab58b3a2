namespace Comintech.Dsr.Limits;

/// <summary>A slot taken in a per-address window, or how long until one frees up.</summary>
public sealed record WindowSlot(bool Taken, string Key, TimeSpan RetryAfter)
{
    /// <summary>The window's row as this take wrote it (with its ETag), so giving the slot back need not read it again.</summary>
    internal TableEntity? AsWritten { get; init; }
}

/// <summary>
/// Limits per e-mail address, kept in table <c>DsrLimits</c> (partition = the address's keyed hash, so no address is
/// stored) and updated under ETags, so they hold across every instance of a scaled-out app: the one open request per
/// address and type, verification-code mails and wrong codes in a sliding 24-hour window, and the aliases handed out
/// to repeated submissions.
/// </summary>
public sealed class AddressLimits(DsrStorage storage, IdentifierHasher hasher, IOptions<LimitsOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);
    private const string CodeMailsRow = "code-mails";
    private const string FailedCodesRow = "failed-codes";
    private const string AliasRow = "alias";

    private TableClient Table => storage.Limits;

    /// <summary>
    /// Makes <paramref name="candidateId"/> the open request of this address and type, unless
    /// <paramref name="isStillOpen"/> says the one recorded there is still open; returns the open request's id.
    /// </summary>
    public async Task<string> ClaimOpenRequestAsync(
        string email, RequestType type, string candidateId, Func<string, DateTimeOffset, CancellationToken, Task<bool>> isStillOpen, CancellationToken cancellationToken)
    {
        var partition = hasher.Hash(email);
        var row = "open-" + type.ToWire();
        while (true)
        {
            var current = await ReadAsync(partition, row, cancellationToken);
            if (current?.GetString("RequestId") is { } openId
                && await isStillOpen(openId, current.GetDateTimeOffset("ClaimedAt") ?? DateTimeOffset.MinValue, cancellationToken))
            {
                return openId;
            }

            var claim = new TableEntity(partition, OwnRowKey.For(row, partition)) { ["RequestId"] = candidateId, ["ClaimedAt"] = clock.GetUtcNow() };
            if (await TryWriteAsync(claim, current?.ETag, cancellationToken))
            {
                return candidateId;
            }
        }
    }

    /// <summary>A fresh id that the public routes read as <paramref name="requestId"/>, handed to a repeated submission.</summary>
    public async Task<string> AddAliasAsync(string requestId, CancellationToken cancellationToken)
    {
        var alias = RequestId.New();
        await Table.AddEntityAsync(new TableEntity(alias, OwnRowKey.For(AliasRow, alias)) { ["RequestId"] = requestId }, cancellationToken);
        return alias;
    }

    public async Task<string?> ResolveAliasAsync(string id, CancellationToken cancellationToken) =>
        RequestId.IsWellFormed(id) ? (await ReadAsync(id, AliasRow, cancellationToken))?.GetString("RequestId") : null;

    /// <summary>Counts one code mail (once per message key, so a re-run activity is not counted twice) unless the day's cap is reached.</summary>
    public Task<WindowSlot> TakeCodeMailAsync(string email, string messageKey, CancellationToken cancellationToken) =>
        TakeAsync(hasher.Hash(email), CodeMailsRow, messageKey, options.Value.CodeMailsPerAddressPerDay, cancellationToken);

    /// <summary>How long until another code mail may go to this address (zero: now).</summary>
    public async Task<TimeSpan> CodeMailRetryAfterAsync(string email, CancellationToken cancellationToken)
    {
        var entries = Live(await ReadAsync(hasher.Hash(email), CodeMailsRow, cancellationToken));
        return RetryAfter(entries, options.Value.CodeMailsPerAddressPerDay);
    }

    /// <summary>Takes one code attempt for the address; <see cref="ReleaseCodeAttemptAsync"/> gives it back when the code was not wrong.</summary>
    public Task<WindowSlot> TakeCodeAttemptAsync(string email, CancellationToken cancellationToken) =>
        TakeAsync(hasher.Hash(email), FailedCodesRow, RequestId.New(), options.Value.FailedCodesPerAddressPerDay, cancellationToken);

    /// <remarks>Tried first on the row as the take left it; if another check wrote it since, on the row as it is then.</remarks>
    public async Task ReleaseCodeAttemptAsync(string email, WindowSlot slot, CancellationToken cancellationToken)
    {
        var partition = hasher.Hash(email);
        var asWritten = slot.AsWritten is { } row && row.ETag != default ? row : null;
        while (true)
        {
            var current = asWritten ?? await ReadAsync(partition, FailedCodesRow, cancellationToken);
            asWritten = null;
            var entries = Live(current);
            if (current is null || !entries.Remove(slot.Key))
            {
                return;
            }

            if (await TryWriteAsync(Entity(partition, FailedCodesRow, entries), current.ETag, cancellationToken))
            {
                return;
            }
        }
    }

    private async Task<WindowSlot> TakeAsync(string partition, string row, string key, int limit, CancellationToken cancellationToken)
    {
        while (true)
        {
            var current = await ReadAsync(partition, row, cancellationToken);
            var entries = Live(current);
            if (entries.ContainsKey(key))
            {
                return new WindowSlot(true, key, TimeSpan.Zero);
            }

            if (entries.Count >= limit)
            {
                return new WindowSlot(false, key, RetryAfter(entries, limit));
            }

            entries[key] = clock.GetUtcNow().UtcTicks;
            var written = Entity(partition, row, entries);
            if (await TryWriteAsync(written, current?.ETag, cancellationToken))
            {
                return new WindowSlot(true, key, TimeSpan.Zero) { AsWritten = written };
            }
        }
    }

    /// <summary>Entries younger than the window, by key (value: UTC ticks).</summary>
    private Dictionary<string, long> Live(TableEntity? entity)
    {
        var since = (clock.GetUtcNow() - Window).UtcTicks;
        var all = entity?.GetString("Entries") is { } json ? JsonSerializer.Deserialize<Dictionary<string, long>>(json) ?? [] : [];
        return all.Where(e => e.Value > since).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
    }

    private TimeSpan RetryAfter(Dictionary<string, long> entries, int limit)
    {
        if (entries.Count < limit)
        {
            return TimeSpan.Zero;
        }

        var freeing = entries.Values.Order().ElementAt(entries.Count - limit);
        var wait = new DateTimeOffset(freeing, TimeSpan.Zero) + Window - clock.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);
    }

    private static TableEntity Entity(string partition, string row, Dictionary<string, long> entries) =>
        new(partition, OwnRowKey.For(row, partition)) { ["Entries"] = JsonSerializer.Serialize(entries) };

    /// <summary>
    /// Adds when <paramref name="etag"/> is null, else replaces that version; false when another writer came first.
    /// The entity takes the ETag of the version written.
    /// </summary>
    private async Task<bool> TryWriteAsync(TableEntity entity, ETag? etag, CancellationToken cancellationToken)
    {
        try
        {
            var response = etag is { } version
                ? await Table.UpdateEntityAsync(entity, version, TableUpdateMode.Replace, cancellationToken)
                : await Table.AddEntityAsync(entity, cancellationToken);
            entity.ETag = response.Headers.ETag ?? default;
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    private async Task<TableEntity?> ReadAsync(string partition, string row, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(partition, OwnRowKey.For(row, partition), cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }
}

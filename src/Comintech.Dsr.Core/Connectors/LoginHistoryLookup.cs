namespace Comintech.Dsr.Connectors;

/// <summary>
/// The IP addresses an account logged in from, read from the login-history table the data map names. Callers pass the
/// request's bound subject only: an account id that did not bind never finds anyone's logins.
/// </summary>
/// <remarks>A login-history table that does not exist fails the store's action rather than finding no IPs.</remarks>
public sealed class LoginHistoryLookup(IOptions<DataMapOptions> dataMap, StoreAccounts accounts)
{
    /// <summary>The login-history table when it does not exist, else null; throws when it cannot be reached.</summary>
    public async Task<string?> FindMissingAsync(CancellationToken cancellationToken) =>
        dataMap.Value.LoginHistory is { Table.Length: > 0 } settings && !await StoreAccounts.TableExistsAsync(Table(settings), cancellationToken)
            ? $"table '{settings.Table}'"
            : null;

    public async Task<IReadOnlyList<string>> FindAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var settings = dataMap.Value.LoginHistory ?? throw new ConnectorException("DataMap:LoginHistory is not configured.");
        var table = Table(settings);
        // Property names come from the validated data map; values are quoted by CreateQueryFilter.
        var filter = $"{settings.EmailProperty} eq {TableClient.CreateQueryFilter($"{subject.NormalisedEmail}")}";
        if (subject.AccountId is not null)
        {
            filter += $" or {settings.AccountIdProperty} eq {TableClient.CreateQueryFilter($"{subject.AccountId}")}";
        }

        var ips = new SortedSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>(filter, select: [settings.IpProperty], cancellationToken: cancellationToken))
            {
                if (row.GetString(settings.IpProperty) is { Length: > 0 } ip && System.Net.IPAddress.TryParse(ip, out _))
                {
                    ips.Add(ip.Trim());
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new ConnectorException($"DataMap:LoginHistory: table '{settings.Table}' does not exist.", ex);
        }

        return [.. ips];
    }

    /// <summary>The account's logins (IP and time) from the given IPs, and everyone else's logins from the same IPs.</summary>
    public async Task<LoginSessions> SessionsAsync(DataSubject subject, IReadOnlyList<string> ips, CancellationToken cancellationToken)
    {
        var settings = dataMap.Value.LoginHistory ?? throw new ConnectorException("DataMap:LoginHistory is not configured.");
        var own = new List<Login>();
        var others = new List<Login>();
        foreach (var chunk in ips.Chunk(20))
        {
            var filter = string.Join(" or ", chunk.Select(ip => $"{settings.IpProperty} eq {TableClient.CreateQueryFilter($"{ip}")}"));
            try
            {
                await foreach (var row in Table(settings).QueryAsync<TableEntity>(
                    filter, select: [settings.IpProperty, settings.EmailProperty, settings.AccountIdProperty, settings.TimeProperty], cancellationToken: cancellationToken))
                {
                    var login = new Login(row.GetString(settings.IpProperty)?.Trim() ?? "", TimeOf(row, settings.TimeProperty));
                    var mine = string.Equals(row.GetString(settings.EmailProperty), subject.NormalisedEmail, StringComparison.OrdinalIgnoreCase)
                        || (subject.AccountId is not null && row.GetString(settings.AccountIdProperty) == subject.AccountId);
                    (mine ? own : others).Add(login);
                }
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                throw new ConnectorException($"DataMap:LoginHistory: table '{settings.Table}' does not exist.", ex);
            }
        }

        return new LoginSessions(own, others, settings.SessionLength);
    }

    private static DateTimeOffset? TimeOf(TableEntity row, string property) => row.TryGetValue(property, out var value) ? value switch
    {
        DateTimeOffset at => at,
        DateTime at => new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)),
        string text when DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) => at,
        _ => null,
    } : null;

    private TableClient Table(LoginHistorySettings settings) =>
        accounts.Tables(StoreAccounts.Location.Of(settings)).GetTableClient(settings.Table);
}

/// <summary>One login: from which IP, and when (null: the row does not say).</summary>
public sealed record Login(string Ip, DateTimeOffset? At);

/// <summary>
/// Whose session an IP's activity at a moment belongs to: the account's own when one of its logins from that IP began
/// at most <c>SessionLength</c> before (or a few minutes after: the login request itself) and nobody else's login from
/// that IP covers the same moment. Anything else is left out of the person's package (Art. 15(4)).
/// </summary>
public sealed class LoginSessions(IReadOnlyList<Login> own, IReadOnlyList<Login> others, TimeSpan sessionLength)
{
    private static readonly TimeSpan Lead = TimeSpan.FromMinutes(5);

    public bool IsOwnSession(string ip, DateTimeOffset at) => Covers(own, ip, at) && !Covers(others, ip, at);

    private bool Covers(IReadOnlyList<Login> logins, string ip, DateTimeOffset at) =>
        logins.Any(l => l.At is { } start && string.Equals(l.Ip, ip, StringComparison.OrdinalIgnoreCase) && at >= start - Lead && at <= start + sessionLength);
}

using Azure;
using Azure.Data.Tables;
using Comintech.Dsr.Domain;
using Microsoft.Extensions.Options;

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

    private TableClient Table(LoginHistorySettings settings) =>
        accounts.Tables(StoreAccounts.Location.Of(settings)).GetTableClient(settings.Table);
}

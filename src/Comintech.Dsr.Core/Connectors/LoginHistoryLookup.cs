using Azure;
using Azure.Data.Tables;
using Comintech.Dsr.Domain;
using Microsoft.Extensions.Options;

namespace Comintech.Dsr.Connectors;

/// <summary>
/// The IP addresses an account logged in from, read from the login-history table the data map names. Callers pass the
/// request's bound subject only: an account id that did not bind never finds anyone's logins.
/// </summary>
public sealed class LoginHistoryLookup(IOptions<DataMapOptions> dataMap, AzureTable.TableServices tables)
{
    public async Task<IReadOnlyList<string>> FindAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        var settings = dataMap.Value.LoginHistory ?? throw new ConnectorException("DataMap:LoginHistory is not configured.");
        var table = tables.For(settings.ConnectionStringName).GetTableClient(settings.Table);
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
            return [];
        }

        return [.. ips];
    }
}

using System.Collections.Concurrent;
using Azure.Data.Tables;
using Comintech.Dsr.Storage;
using Microsoft.Extensions.Configuration;

namespace Comintech.Dsr.Connectors.AzureTable;

/// <summary>The table service a data-map entry names: the system's own account, or another one by a connection-string setting.</summary>
public sealed class TableServices(DsrStorage storage, IConfiguration configuration)
{
    private readonly ConcurrentDictionary<string, TableServiceClient> accounts = new(StringComparer.Ordinal);

    public TableServiceClient For(string? connectionStringName) =>
        string.IsNullOrWhiteSpace(connectionStringName)
            ? storage.Tables
            : accounts.GetOrAdd(connectionStringName, name => new TableServiceClient(
                configuration[name] ?? throw new ConnectorException($"Configuration key '{name}' holds no connection string.")));
}

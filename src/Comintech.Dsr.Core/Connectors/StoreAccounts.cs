using Azure.Core;

namespace Comintech.Dsr.Connectors;

/// <summary>
/// The storage account a store lives in, from its settings: <c>ConnectionStringName</c> (a configuration key holding
/// a connection string), or <c>AccountName</c> / <c>ServiceUri</c> reached with <see cref="DefaultAzureCredential"/>
/// (in Azure the app's managed identity, which needs a data role on that account); none: the system's own account.
/// </summary>
public sealed class StoreAccounts(DsrStorage storage, IConfiguration configuration)
{
    public const string ConnectionStringNameSetting = "ConnectionStringName";
    public const string AccountNameSetting = "AccountName";
    public const string ServiceUriSetting = "ServiceUri";

    private readonly Lazy<TokenCredential> credential = new(() => new DefaultAzureCredential());
    private readonly ConcurrentDictionary<string, TableServiceClient> tables = new();
    private readonly ConcurrentDictionary<string, BlobServiceClient> blobs = new();

    /// <summary>Where a store's account is, read from a store's settings or the login history's.</summary>
    public sealed record Location(string? ConnectionStringName, string? AccountName, string? ServiceUri)
    {
        public static Location Of(DataStoreDefinition store) =>
            new(store.Setting(ConnectionStringNameSetting), store.Setting(AccountNameSetting), store.Setting(ServiceUriSetting));

        public static Location Of(LoginHistorySettings history) =>
            new(Blank(history.ConnectionStringName), Blank(history.AccountName), Blank(history.ServiceUri));

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

        public bool IsOwnAccount => ConnectionStringName is null && AccountName is null && ServiceUri is null;

        /// <summary>Problems with the settings, each naming the field.</summary>
        public IEnumerable<string> Problems(string prefix)
        {
            if (new[] { ConnectionStringName, AccountName, ServiceUri }.Count(v => v is not null) > 1)
            {
                yield return $"{prefix}{ConnectionStringNameSetting}, {prefix}{AccountNameSetting} and {prefix}{ServiceUriSetting} are alternatives: set one.";
            }

            if (AccountName is not null && (AccountName.Length is < 3 or > 24 || !AccountName.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c))))
            {
                yield return $"{prefix}{AccountNameSetting} must be a storage account name (3-24 lower-case letters and digits).";
            }

            if (ServiceUri is not null && (!Uri.TryCreate(ServiceUri, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Query.Length > 0))
            {
                yield return $"{prefix}{ServiceUriSetting} must be the service's absolute URI (e.g. https://account.table.core.windows.net), without a query.";
            }
        }
    }

    public TableServiceClient Tables(Location location) => location.IsOwnAccount
        ? storage.Tables
        : tables.GetOrAdd(Key(location), _ => location.ConnectionStringName is { } name
            ? new TableServiceClient(ConnectionString(name))
            : new TableServiceClient(Endpoint(location, "table"), credential.Value));

    public BlobServiceClient Blobs(Location location) => location.IsOwnAccount
        ? storage.Blobs
        : blobs.GetOrAdd(Key(location), _ => location.ConnectionStringName is { } name
            ? new BlobServiceClient(ConnectionString(name))
            : new BlobServiceClient(Endpoint(location, "blob"), credential.Value));

    /// <summary>True when the table exists; false when the service answers 404. Reads at most one row's keys.</summary>
    public static async Task<bool> TableExistsAsync(TableClient table, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var _ in table.QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken).AsPages())
            {
                break;
            }

            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    private string ConnectionString(string name) =>
        configuration[name] is { Length: > 0 } value ? value : throw new ConnectorException($"Configuration key '{name}' holds no connection string.");

    private static Uri Endpoint(Location location, string service) =>
        location.ServiceUri is { } uri ? new Uri(uri, UriKind.Absolute) : new Uri($"https://{location.AccountName}.{service}.core.windows.net");

    private static string Key(Location location) => $"{location.ConnectionStringName}|{location.AccountName}|{location.ServiceUri}";
}

namespace Comintech.Dsr.Connectors.ProcessorRouting;

/// <summary>A Client of Comintech: the controller of the data Comintech hosts for it, and how its privacy contact is reached.</summary>
/// <param name="PrivacyContact">What the person is told to contact (an address or a web page); defaults to <paramref name="Email"/>.</param>
public sealed record HostedClient(string ClientId, string Name, string? Email, string? Endpoint, string? SecretName, string? PrivacyContact)
{
    public string Channel => Endpoint is null ? "email" : "webhook";
}

/// <summary>What Comintech hosts for one Client that matches the person: mailboxes and marketing-list entries.</summary>
public sealed record ClientMatch(string ClientId, IReadOnlyList<string> Found);

/// <summary>
/// The tables of a <c>ProcessorRouting</c> store, read only: <c>MailboxTable</c> (partition = domain, row = local part or
/// <c>*</c> for every address of the domain, property <c>ClientId</c>), <c>ListTable</c> (partition = the address,
/// properties <c>ClientId</c>, <c>ListName</c>) and <c>ClientsTable</c> (partition <c>clients</c>, row = client id,
/// properties <c>Name</c>, <c>Email</c> or <c>Endpoint</c>, <c>SecretName</c>, <c>PrivacyContact</c>).
/// Lookups are by key; nothing in them is ever written by the workflow.
/// </summary>
public sealed class HostedClients(StoreAccounts accounts)
{
    public const string ClientsPartition = "clients";
    public const string WholeDomain = "*";
    public const string DefaultClientsTable = "HostedClients";
    public const string DefaultMailboxTable = "HostedMailboxes";
    public const string DefaultListTable = "HostedMarketingLists";

    public static string ClientsTable(DataStoreDefinition store) => store.Setting("ClientsTable") ?? DefaultClientsTable;

    public static string MailboxTable(DataStoreDefinition store) => store.Setting("MailboxTable") ?? DefaultMailboxTable;

    public static string ListTable(DataStoreDefinition store) => store.Setting("ListTable") ?? DefaultListTable;

    /// <summary>Every Client that hosts a mailbox at the address (or its whole domain) or has the address on a marketing list.</summary>
    public async Task<IReadOnlyList<ClientMatch>> FindAsync(DataStoreDefinition store, string normalisedEmail, CancellationToken cancellationToken)
    {
        var found = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string? clientId, string what)
        {
            if (!string.IsNullOrWhiteSpace(clientId))
            {
                (found.TryGetValue(clientId, out var list) ? list : found[clientId] = []).Add(what);
            }
        }

        var at = normalisedEmail.LastIndexOf('@');
        if (at > 0)
        {
            var (local, domain) = (normalisedEmail[..at], normalisedEmail[(at + 1)..]);
            var mailboxes = TableOf(store, MailboxTable(store));
            foreach (var (row, what) in new[] { (local, "hosted mailbox"), (WholeDomain, "hosted mail domain") })
            {
                if (IsKeySafe(domain) && IsKeySafe(row) && await GetAsync(mailboxes, domain, row, cancellationToken) is { } mailbox)
                {
                    Add(mailbox.GetString("ClientId"), what);
                }
            }
        }

        if (IsKeySafe(normalisedEmail))
        {
            var lists = TableOf(store, ListTable(store));
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {normalisedEmail}");
            await foreach (var entry in lists.QueryAsync<TableEntity>(filter, select: ["ClientId", "ListName"], cancellationToken: cancellationToken))
            {
                Add(entry.GetString("ClientId"), $"marketing list '{entry.GetString("ListName")}'");
            }
        }

        return [.. found.Select(f => new ClientMatch(f.Key, f.Value))];
    }

    /// <summary>The Client's record, or null when the Clients table does not name it.</summary>
    public async Task<HostedClient?> GetAsync(DataStoreDefinition store, string clientId, CancellationToken cancellationToken)
    {
        var row = IsKeySafe(clientId) ? await GetAsync(TableOf(store, ClientsTable(store)), ClientsPartition, clientId, cancellationToken) : null;
        return row is null ? null : new HostedClient(
            clientId,
            row.GetString("Name") ?? clientId,
            Blank(row.GetString("Email")),
            Blank(row.GetString("Endpoint")),
            Blank(row.GetString("SecretName")),
            Blank(row.GetString("PrivacyContact")) ?? Blank(row.GetString("Email")));
    }

    public TableClient TableOf(DataStoreDefinition store, string name) => accounts.Tables(StoreAccounts.Location.Of(store)).GetTableClient(name);

    private static async Task<TableEntity?> GetAsync(TableClient table, string partition, string row, CancellationToken cancellationToken)
    {
        try
        {
            var entity = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
            return entity.HasValue ? entity.Value : null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new ConnectorException($"table '{table.Name}' does not exist.");
        }
    }

    /// <summary>Table keys may not hold '/', '\', '#', '?' or control characters.</summary>
    private static bool IsKeySafe(string value) =>
        value.Length is > 0 and <= 512 && !value.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

namespace Comintech.Dsr.LocalEngine.Demo;

/// <summary>
/// Demo people in the demo data map's stores (the control panel's customer accounts and the support desk), written
/// once per storage account (a marker row remembers it), so a person erased by a demo request stays erased across restarts.
/// </summary>
public static partial class DemoDataSeeder
{
    public const string CustomerAccountsTable = "CustomerAccounts";
    public const string SupportTicketsTable = "SupportTickets";
    public const string InvoicesTable = "Invoices";

    /// <summary>The demo people (<c>Demo/demo-people.json</c>); the last one's name is hostile markup, to show it stays text.</summary>
    public static IReadOnlyList<DemoPerson> People { get; } = LoadPeople();

    public static async Task SeedAsync(DsrStorage storage, ILogger logger, CancellationToken cancellationToken = default)
    {
        await OnceAsync(storage, WebLogsMarkerRow, () => SeedWebLogsAsync(storage, logger, cancellationToken), cancellationToken);
        await OnceAsync(storage, HostedMarkerRow, () => SeedHostedAsync(storage, logger, cancellationToken), cancellationToken);
        await OnceAsync(storage, MarkerRow, () => SeedPeopleAsync(storage, logger, cancellationToken), cancellationToken);
    }

    /// <summary>Runs <paramref name="seed"/> unless its marker row says it already ran against this storage account.</summary>
    internal static async Task OnceAsync(DsrStorage storage, string markerRow, Func<Task> seed, CancellationToken cancellationToken)
    {
        var marker = await storage.ConnectorRuns.GetEntityIfExistsAsync<TableEntity>(MarkerPartition, markerRow, cancellationToken: cancellationToken);
        if (marker.HasValue)
        {
            return;
        }

        await seed();
        await storage.ConnectorRuns.UpsertEntityAsync(new TableEntity(MarkerPartition, markerRow), cancellationToken: cancellationToken);
    }

    private static async Task SeedPeopleAsync(DsrStorage storage, ILogger logger, CancellationToken cancellationToken)
    {
        var accounts = await TableAsync(storage, CustomerAccountsTable, cancellationToken);
        foreach (var person in People)
        {
            await accounts.UpsertEntityAsync(new TableEntity("accounts", person.AccountId)
            {
                ["AccountId"] = person.AccountId,
                ["FullName"] = person.FullName,
                ["Email"] = person.Email,
                ["Phone"] = person.Phone,
                ["PostalAddress"] = person.PostalAddress,
                ["Plan"] = "Cloud Hosting Pro",
            }, cancellationToken: cancellationToken);
        }

        var tickets = await TableAsync(storage, SupportTicketsTable, cancellationToken);
        var number = 5000;
        foreach (var person in People.Take(3))
        {
            await tickets.UpsertEntityAsync(new TableEntity(person.AccountId, $"T-{++number}")
            {
                ["AccountId"] = person.AccountId,
                ["Email"] = person.Email,
                ["RequesterName"] = person.FullName,
                ["Subject"] = "Mailbox quota",
                ["Body"] = $"Hello, this is {person.FullName}; my mailbox is full.",
            }, cancellationToken: cancellationToken);
        }

        var invoices = await TableAsync(storage, InvoicesTable, cancellationToken);
        foreach (var person in People.Take(2))
        {
            await invoices.UpsertEntityAsync(new TableEntity(person.AccountId, $"INV-{person.AccountId}-2026-10")
            {
                ["InvoiceNumber"] = $"INV-{person.AccountId}-2026-10",
                ["IssuedOn"] = "2026-10-01",
                ["Amount"] = "29.90 EUR",
                ["AccountId"] = person.AccountId,
                ["Email"] = person.Email,
                ["BillingName"] = person.FullName,
                ["BillingAddress"] = person.PostalAddress,
            }, cancellationToken: cancellationToken);
        }

        LogSeeded(logger, People.Count, number - 5000);
    }

    private static async Task<TableClient> TableAsync(DsrStorage storage, string name, CancellationToken cancellationToken)
    {
        var table = storage.Tables.GetTableClient(name);
        await table.CreateIfNotExistsAsync(cancellationToken);
        return table;
    }

    private const string MarkerPartition = "_engine";
    private const string MarkerRow = "demo-data-seeded";

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data seeded: {Accounts} customer accounts, {Tickets} support tickets")]
    private static partial void LogSeeded(ILogger logger, int accounts, int tickets);

    private static List<DemoPerson> LoadPeople()
    {
        using var stream = typeof(DemoDataSeeder).Assembly.GetManifestResourceStream("Comintech.Dsr.LocalEngine.Demo.demo-people.json")!;
        return JsonSerializer.Deserialize<List<DemoPerson>>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }
}

public sealed record DemoPerson(string AccountId, string FullName, string Email, string Phone, string PostalAddress, string LoginIp);

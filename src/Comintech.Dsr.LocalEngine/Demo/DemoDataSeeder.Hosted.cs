using Comintech.Dsr.Connectors.ProcessorRouting;

namespace Comintech.Dsr.LocalEngine.Demo;

/// <summary>
/// The demo's data hosted for a Client (Ada's mailbox and her place on the Client's mailing list, routed to the demo
/// Client, which answers by the signed link mailed to it) and the demo newsletter's contacts.
/// </summary>
public static partial class DemoDataSeeder
{
    /// <summary>The demo Client: it answers by the signed link mailed to its privacy address.</summary>
    public static readonly HostedClient DemoClient = new(
        "demo-client-northwind", "Northwind Bakery (demo Client)", "privacy@northwind-bakery.example", Endpoint: null, DemoSetup.ClientSecretName, "privacy@northwind-bakery.example");
    private const string HostedMarkerRow = "demo-hosted-seeded";

    private static async Task SeedHostedAsync(DsrStorage storage, ILogger logger, CancellationToken cancellationToken)
    {
        var clients = await TableAsync(storage, HostedClients.DefaultClientsTable, cancellationToken);
        await clients.UpsertEntityAsync(new TableEntity(HostedClients.ClientsPartition, DemoClient.ClientId)
        {
            ["Name"] = DemoClient.Name,
            ["Email"] = DemoClient.Email,
            ["SecretName"] = DemoClient.SecretName,
            ["PrivacyContact"] = DemoClient.PrivacyContact,
        }, cancellationToken: cancellationToken);

        var ada = People[0];
        var (local, domain) = (ada.Email[..ada.Email.IndexOf('@')], ada.Email[(ada.Email.IndexOf('@') + 1)..]);
        var mailboxes = await TableAsync(storage, HostedClients.DefaultMailboxTable, cancellationToken);
        await mailboxes.UpsertEntityAsync(new TableEntity(domain, local) { ["ClientId"] = DemoClient.ClientId }, cancellationToken: cancellationToken);
        var lists = await TableAsync(storage, HostedClients.DefaultListTable, cancellationToken);
        await lists.UpsertEntityAsync(
            new TableEntity(ada.Email, $"{DemoClient.ClientId}.weekly-offers") { ["ClientId"] = DemoClient.ClientId, ["ListName"] = "Weekly offers" }, cancellationToken: cancellationToken);

        var contacts = await TableAsync(storage, DemoSendGrid.ContactsTable, cancellationToken);
        var id = 0;
        foreach (var person in People.Take(2))
        {
            var names = person.FullName.Split(' ', 2);
            await contacts.UpsertEntityAsync(new TableEntity(DemoSendGrid.ContactsPartition, person.Email)
            {
                ["Id"] = $"demo-contact-{++id}",
                ["first_name"] = names[0],
                ["last_name"] = names.Length > 1 ? names[1] : "",
            }, cancellationToken: cancellationToken);
        }

        LogHostedSeeded(logger, DemoClient.Name, id);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data seeded: a mailbox and a mailing-list entry hosted for {Client}, {Contacts} newsletter contacts")]
    private static partial void LogHostedSeeded(ILogger logger, string client, int contacts);
}

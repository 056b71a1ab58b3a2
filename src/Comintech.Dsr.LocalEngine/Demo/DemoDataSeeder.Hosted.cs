using Comintech.Dsr.Connectors.ProcessorRouting;

namespace Comintech.Dsr.LocalEngine.Demo;

/// <summary>
/// The demo's data hosted for a Client (Ada's mailbox and her place on the Client's mailing list, routed to the demo
/// Client, which answers by the signed link mailed to it) and the demo newsletter's contacts.
/// </summary>
public static partial class DemoDataSeeder
{
    public const string DemoClientId = "demo-client-northwind";
    public const string DemoClientName = "Northwind Bakery (demo Client)";
    public const string DemoClientSecretName = "Demo:Clients:NorthwindSecret";
    private const string HostedMarkerRow = "demo-hosted-seeded";

    private static async Task SeedHostedAsync(DsrStorage storage, ILogger logger, CancellationToken cancellationToken)
    {
        var clients = await TableAsync(storage, "HostedClients", cancellationToken);
        await clients.UpsertEntityAsync(new TableEntity(HostedClients.ClientsPartition, DemoClientId)
        {
            ["Name"] = DemoClientName,
            ["Email"] = "privacy@northwind-bakery.example",
            ["SecretName"] = DemoClientSecretName,
            ["PrivacyContact"] = "privacy@northwind-bakery.example",
        }, cancellationToken: cancellationToken);

        var ada = People[0];
        var (local, domain) = (ada.Email[..ada.Email.IndexOf('@')], ada.Email[(ada.Email.IndexOf('@') + 1)..]);
        var mailboxes = await TableAsync(storage, "HostedMailboxes", cancellationToken);
        await mailboxes.UpsertEntityAsync(new TableEntity(domain, local) { ["ClientId"] = DemoClientId }, cancellationToken: cancellationToken);
        var lists = await TableAsync(storage, "HostedMarketingLists", cancellationToken);
        await lists.UpsertEntityAsync(
            new TableEntity(ada.Email, $"{DemoClientId}.weekly-offers") { ["ClientId"] = DemoClientId, ["ListName"] = "Weekly offers" }, cancellationToken: cancellationToken);

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

        LogHostedSeeded(logger, DemoClientName, id);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data seeded: a mailbox and a mailing-list entry hosted for {Client}, {Contacts} newsletter contacts")]
    private static partial void LogHostedSeeded(ILogger logger, string client, int contacts);
}

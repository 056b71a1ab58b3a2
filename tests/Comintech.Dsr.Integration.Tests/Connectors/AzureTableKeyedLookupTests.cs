using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Connectors.AzureTable;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Storage;
using Comintech.Dsr.Telemetry;
using Comintech.Dsr.Testing;
using Microsoft.Extensions.Configuration;

namespace Comintech.Dsr.Integration.Tests.Connectors;

public sealed class AzureTableKeyedLookupTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DataSubject Ada = new("Ada.Lovelace@example.com", "Ada Lovelace", "ACC-1");
    private readonly StorageTransactions transactions = new();

    private async Task<(AzureTableConnector Connector, TableClient Table, DataStoreDefinition Store)> ArrangeAsync(string rowKey = "{AccountId}", bool create = true)
    {
        var tableName = "Keyed" + Guid.NewGuid().ToString("N")[..8];
        var table = azurite.Storage.Tables.GetTableClient(tableName);
        if (create)
        {
            await table.CreateIfNotExistsAsync();
            await table.AddEntityAsync(new TableEntity("people", "ACC-1") { ["Email"] = "ada.lovelace@example.com", ["AccountId"] = "ACC-1" });
            await table.AddEntityAsync(new TableEntity("people", "ACC-2") { ["Email"] = "grace@example.org", ["AccountId"] = "ACC-2" });
        }

        var store = new DataStoreDefinition
        {
            Id = "keyed",
            Name = "Keyed",
            Kind = AzureTableConnector.KindName,
            Settings = new(StringComparer.OrdinalIgnoreCase) { ["Table"] = tableName, ["Lookup"] = "Key", ["PartitionKey"] = "people", ["RowKey"] = rowKey },
        };
        var counted = azurite.CountedStorage(transactions);
        var connector = new AzureTableConnector(counted, new StoreAccounts(counted, new ConfigurationBuilder().Build()), TimeProvider.System);
        return (connector, table, store);
    }

    private static ConnectorRequest Request(DataStoreDefinition store, DataSubject subject) =>
        new(RequestId.New(), store, ConnectorAction.Erase, "key", subject, new Dictionary<string, string>());

    private long Reads(string table) => transactions.Snapshot().Where(c => c.Key.Resource == table).Sum(c => c.Value);

    [Fact]
    public async Task Erasure_deletes_the_persons_entity_by_its_key_in_one_transaction()
    {
        var (connector, table, store) = await ArrangeAsync();

        var outcome = await connector.EraseAsync(Request(store, Ada), CancellationToken.None);

        Assert.Equal((OutcomeKind.Done, 1, 1), (outcome.Kind, outcome.RecordsFound, outcome.RecordsAffected));
        Assert.Equal(1, Reads(table.Name)); // the delete by key alone: no read, no query
        var left = await TableRows.AllAsync(table);
        Assert.Equal(["ACC-2"], left.Select(e => e.RowKey));
    }

    [Fact]
    public async Task A_keyed_erasure_of_someone_the_table_does_not_hold_finds_nothing_and_deletes_nothing()
    {
        var (connector, table, store) = await ArrangeAsync();

        var outcome = await connector.EraseAsync(Request(store, new DataSubject("zoe@example.net", "Zoe", "ACC-9")), CancellationToken.None);

        Assert.Equal((OutcomeKind.NothingFound, 0), (outcome.Kind, outcome.RecordsAffected));
        Assert.Equal(2, (await TableRows.AllAsync(table)).Count);
    }

    [Fact]
    public async Task A_keyed_erasure_under_a_retained_policy_reads_the_entity_and_anonymises_it()
    {
        var (connector, table, store) = await ArrangeAsync();
        store.Actions["Erase"] = new ActionPolicy { Mode = ActionMode.Retained, Reason = "Invoices are kept 10 years under tax law" };

        var outcome = await connector.EraseAsync(Request(store, Ada), CancellationToken.None);

        Assert.Equal(OutcomeKind.Done, outcome.Kind);
        var kept = Assert.Single(await TableRows.AllAsync(table), e => e.RowKey == "ACC-1");
        Assert.Equal(AzureTableConnector.ErasedValue, kept.GetString("Email"));
    }

    [Fact]
    public async Task A_key_built_from_the_address_finds_the_person_without_an_account_id()
    {
        var (connector, table, store) = await ArrangeAsync(rowKey: "{Email}");
        await table.AddEntityAsync(new TableEntity("people", "ada.lovelace@example.com") { ["Email"] = "ada.lovelace@example.com" });

        var outcome = await connector.EraseAsync(Request(store, new DataSubject("ada.lovelace@example.com", "Ada", null)), CancellationToken.None);

        Assert.Equal(OutcomeKind.Done, outcome.Kind);
        Assert.Equal(1, outcome.RecordsAffected);
    }

    [Fact]
    public async Task Without_a_bound_account_id_the_connector_falls_back_to_the_scan()
    {
        var (connector, table, store) = await ArrangeAsync();

        var outcome = await connector.EraseAsync(Request(store, new DataSubject("ada.lovelace@example.com", "Ada", null)), CancellationToken.None);

        Assert.Equal(OutcomeKind.Done, outcome.Kind);
        Assert.DoesNotContain(await TableRows.AllAsync(table), e => e.RowKey == "ACC-1");
    }

    [Fact]
    public async Task A_missing_table_fails_the_keyed_lookup_instead_of_finding_nothing()
    {
        var (connector, _, store) = await ArrangeAsync(create: false);

        await Assert.ThrowsAsync<ConnectorException>(() => connector.EraseAsync(Request(store, Ada), CancellationToken.None));
    }

    [Fact]
    public async Task An_account_id_that_cannot_be_a_key_fails_without_quoting_it()
    {
        var (connector, _, store) = await ArrangeAsync();

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => connector.EraseAsync(Request(store, new DataSubject(Ada.Email, Ada.FullName, "ACC/1")), CancellationToken.None));

        Assert.DoesNotContain("ACC/1", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Key_templates_without_an_identifier_are_refused_by_the_data_map_check()
    {
        var (connector, _, store) = await ArrangeAsync(rowKey: "fixed");
        store.Settings["PartitionKey"] = "people";

        Assert.Contains(connector.ValidateSettings(store), p => p.Contains("{AccountId}", StringComparison.Ordinal));
    }
}

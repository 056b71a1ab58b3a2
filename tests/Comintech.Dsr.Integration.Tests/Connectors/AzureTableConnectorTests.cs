using System.Text.Json;
using Azure.Data.Tables;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Connectors.AzureTable;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Testing;
using Microsoft.Extensions.Configuration;

namespace Comintech.Dsr.Integration.Tests.Connectors;

public sealed class AzureTableConnectorTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DataSubject Ada = new("Ada.Lovelace@example.com", "Ada Lovelace", "ACC-1");

    private async Task<(AzureTableConnector Connector, TableClient Table, DataStoreDefinition Store)> ArrangeAsync(string eraseMode = "Delete")
    {
        var tableName = "Accounts" + Guid.NewGuid().ToString("N")[..8];
        var table = azurite.Storage.Tables.GetTableClient(tableName);
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("accounts", "ACC-1") { ["Email"] = "ada.lovelace@example.com", ["AccountId"] = "ACC-1", ["FullName"] = "Ada Lovelace", ["Phone"] = "1" });
        await table.AddEntityAsync(new TableEntity("billing-contacts", "c-9") { ["Email"] = "ada.lovelace@example.com", ["FullName"] = "A. Lovelace", ["Phone"] = "2" });
        await table.AddEntityAsync(new TableEntity("accounts", "ACC-2") { ["Email"] = "grace@example.org", ["AccountId"] = "ACC-2", ["FullName"] = "Grace Hopper", ["Phone"] = "3" });
        var store = new DataStoreDefinition
        {
            Id = "accounts",
            Name = "Accounts",
            Kind = AzureTableConnector.KindName,
            Settings = new(StringComparer.OrdinalIgnoreCase) { ["Table"] = tableName, ["EraseMode"] = eraseMode, ["AnonymiseProperties"] = "FullName,Phone" },
            Fields = new(StringComparer.OrdinalIgnoreCase) { ["phone"] = "Phone" },
        };
        var connector = new AzureTableConnector(azurite.Storage, new StoreAccounts(azurite.Storage, new ConfigurationBuilder().Build()), TimeProvider.System);
        return (connector, table, store);
    }

    private static ConnectorRequest Request(DataStoreDefinition store, ConnectorAction action, IReadOnlyDictionary<string, string>? corrections = null) =>
        new(RequestId.New(), store, action, "key", Ada, corrections ?? new Dictionary<string, string>());

    private static Task<List<TableEntity>> RowsAsync(TableClient table) => TableRows.AllAsync(table);

    [Fact]
    public async Task Access_exports_every_row_of_the_person_and_no_one_else()
    {
        var (connector, _, store) = await ArrangeAsync();
        var request = Request(store, ConnectorAction.Export);

        var outcome = await connector.ExportAsync(request, CancellationToken.None);

        Assert.Equal(OutcomeKind.Done, outcome.Kind);
        Assert.Equal(2, outcome.RecordsFound);
        var blob = await azurite.Storage.Exports.GetBlobClient(outcome.ArtifactPath).DownloadContentAsync();
        var json = blob.Value.Content.ToString();
        using var document = JsonDocument.Parse(json);
        Assert.Equal(2, document.RootElement.GetProperty("records").GetArrayLength());
        Assert.DoesNotContain("Grace", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasure_deletes_the_persons_rows_and_is_idempotent()
    {
        var (connector, table, store) = await ArrangeAsync();
        var request = Request(store, ConnectorAction.Erase);

        var first = await connector.EraseAsync(request, CancellationToken.None);
        var second = await connector.EraseAsync(request, CancellationToken.None);

        Assert.Equal((OutcomeKind.Done, 2), (first.Kind, first.RecordsAffected));
        Assert.Equal((OutcomeKind.NothingFound, 0), (second.Kind, second.RecordsAffected));
        var remaining = Assert.Single(await RowsAsync(table));
        Assert.Equal("Grace Hopper", remaining.GetString("FullName"));
    }

    [Fact]
    public async Task Anonymising_erasure_overwrites_the_listed_properties_and_keeps_the_rows()
    {
        var (connector, table, store) = await ArrangeAsync("Anonymise");

        var outcome = await connector.EraseAsync(Request(store, ConnectorAction.Erase), CancellationToken.None);
        var again = await connector.EraseAsync(Request(store, ConnectorAction.Erase), CancellationToken.None);

        Assert.Equal(2, outcome.RecordsAffected);
        Assert.Equal(OutcomeKind.NothingFound, again.Kind);
        var rows = await RowsAsync(table);
        Assert.Equal(3, rows.Count);
        var erased = rows.Where(r => r.GetString("FullName") == AzureTableConnector.ErasedValue).ToList();
        Assert.Equal(2, erased.Count);
        Assert.All(erased, r => Assert.Equal(AzureTableConnector.ErasedValue, r.GetString("Email")));
    }

    [Fact]
    public async Task Anonymisation_reports_the_fields_and_row_keys_that_still_identify_the_person()
    {
        var (connector, table, store) = await ArrangeAsync("Anonymise");
        await table.AddEntityAsync(new TableEntity("notes", "n-1") { ["Email"] = "ada.lovelace@example.com", ["Plan"] = "Pro", ["ReferredBy"] = "ada.lovelace@example.com" });

        var outcome = await connector.EraseAsync(Request(store, ConnectorAction.Erase), CancellationToken.None);

        Assert.Equal(
            "Anonymised properties: FullName, Phone, Email, AccountId. Not listed as personal in the data map, left as they are: Plan, ReferredBy "
            + "(of these, ReferredBy still hold an identifier: list them in AnonymiseProperties). "
            + "Row keys still holding an identifier: RowKey (a row's keys cannot be rewritten in place).",
            outcome.Note);
        Assert.DoesNotContain("lovelace", outcome.Note, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Rectification_changes_mapped_fields_and_names_the_others()
    {
        var (connector, table, store) = await ArrangeAsync();

        var outcome = await connector.RectifyAsync(
            Request(store, ConnectorAction.Rectify, new Dictionary<string, string> { ["phone"] = "+44 1", ["shoeSize"] = "9" }), CancellationToken.None);

        Assert.Equal(2, outcome.RecordsAffected);
        Assert.Contains("shoeSize", outcome.Note, StringComparison.Ordinal);
        var rows = await RowsAsync(table);
        Assert.Equal(2, rows.Count(r => r.GetString("Phone") == "+44 1"));
        Assert.Equal("3", rows.Single(r => r.RowKey == "ACC-2").GetString("Phone"));
    }

    [Fact]
    public async Task A_store_whose_table_does_not_exist_fails_rather_than_finding_nothing_and_is_not_created()
    {
        var (connector, _, store) = await ArrangeAsync();
        store.Settings["Table"] = "Missing" + Guid.NewGuid().ToString("N")[..8];

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => connector.EraseAsync(Request(store, ConnectorAction.Erase), CancellationToken.None));
        await Assert.ThrowsAsync<ConnectorException>(() => connector.ExportAsync(Request(store, ConnectorAction.Export), CancellationToken.None));

        Assert.Equal($"Store 'accounts': table '{store.Settings["Table"]}' does not exist.", failure.Message);
        Assert.Equal($"table '{store.Settings["Table"]}'", await connector.FindMissingAsync(store, CancellationToken.None));
        var tables = new List<string>();
        await foreach (var table in azurite.Storage.Tables.QueryAsync())
        {
            tables.Add(table.Name);
        }

        Assert.DoesNotContain(store.Settings["Table"], tables);
    }

    [Fact]
    public async Task Identifiers_with_quotes_cannot_widen_the_query()
    {
        var (connector, table, store) = await ArrangeAsync();
        var hostile = new DataSubject("x' or Email ne 'y@example.com", "X", "' or '1' eq '1");

        var outcome = await connector.EraseAsync(new ConnectorRequest(RequestId.New(), store, ConnectorAction.Erase, "k", hostile, new Dictionary<string, string>()), CancellationToken.None);

        Assert.Equal(OutcomeKind.NothingFound, outcome.Kind);
        Assert.Equal(3, (await RowsAsync(table)).Count);
    }
}

using Azure.Data.Tables;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Connectors.Backups;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.Fulfilment;
using Comintech.Dsr.Fulfilment.Activities;
using Comintech.Dsr.Fulfilment.Restore;
using Comintech.Dsr.Storage;
using Comintech.Dsr.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Comintech.Dsr.Integration.Tests.Connectors;

/// <summary>Backups on Azurite: the restore-suppression ledger, and re-applying erasures after a restore.</summary>
public sealed class BackupRestoreTests : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly string table = "Restored" + Guid.NewGuid().ToString("N")[..8];
    private readonly string backupStore = "backups-" + Guid.NewGuid().ToString("N")[..8];
    private readonly AzuriteFixture azurite;
    private readonly WiredCore core;

    public BackupRestoreTests(AzuriteFixture azurite)
    {
        this.azurite = azurite;
        var overrides = TestServices.Store(1, backupStore, BackupConnector.KindName, new Dictionary<string, string> { ["RetentionDays"] = "35", ["Covers"] = "customer-accounts" });
        overrides["DataMap:Stores:0:Settings:Table"] = table;
        core = new WiredCore(azurite.ConnectionString, overrides);
    }

    public void Dispose() => core.Dispose();

    private TableClient Accounts => azurite.Storage.Tables.GetTableClient(table);

    private async Task<DsrRequest> ArrangeAsync(RequestType type)
    {
        await Accounts.CreateIfNotExistsAsync();
        var accountId = "ACC-" + Guid.NewGuid().ToString("N")[..6];
        var email = $"{accountId.ToLowerInvariant()}@example.com";
        await Accounts.UpsertEntityAsync(new TableEntity("accounts", accountId) { ["Email"] = email, ["AccountId"] = accountId });
        return await core.AddRequestAsync(type, new DataSubject(email, "Kim", accountId));
    }

    private Task<ConnectorOutcome> RunAsync(DsrRequest request, string storeId, ConnectorAction action) =>
        core.Get<ExecuteStoreActionActivity>().RunAsync(new StoreActionInput(request.Id, storeId, action), CancellationToken.None);

    [Fact]
    public async Task Erasure_ledgers_the_person_as_keyed_hashes_with_the_backup_sets_and_their_expiry()
    {
        var request = await ArrangeAsync(RequestType.Deletion);

        var outcome = await RunAsync(request, backupStore, ConnectorAction.Erase);

        var until = DateTimeOffset.UtcNow.AddDays(35).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((OutcomeKind.Retained, 35), (outcome.Kind, outcome.RecordsFound));
        Assert.StartsWith($"Beyond use until {until}:", outcome.Note, StringComparison.Ordinal);
        var row = (await azurite.Storage.Tables.GetTableClient(RestoreSuppressionLedger.TableName).GetEntityAsync<TableEntity>(backupStore, request.Id)).Value;
        Assert.Equal(core.Get<IdentifierHasher>().Hash(request.Subject.Email), row.GetString("EmailHash"));
        Assert.DoesNotContain(row.Values().OfType<string>(), v => v.Contains(request.Subject.Email, StringComparison.OrdinalIgnoreCase)
            || v.Contains(request.Subject.AccountId!, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(35, System.Text.Json.JsonDocument.Parse(row.GetString("BackupSets")).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Access_reports_the_backup_sets_that_may_hold_data()
    {
        var request = await ArrangeAsync(RequestType.Access);

        var outcome = await RunAsync(request, backupStore, ConnectorAction.Export);

        Assert.Equal((OutcomeKind.Done, 35), (outcome.Kind, outcome.RecordsFound));
        var json = (await azurite.Storage.Exports.GetBlobClient(outcome.ArtifactPath).DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("customer-accounts", json, StringComparison.Ordinal);
        Assert.Equal(35, System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("records").GetProperty("backupSets").GetArrayLength());
    }

    [Fact]
    public async Task A_restore_re_applies_every_ledgered_erasure_to_the_covered_stores_once()
    {
        var request = await ArrangeAsync(RequestType.Deletion);
        Assert.Equal(OutcomeKind.Done, (await RunAsync(request, "customer-accounts", ConnectorAction.Erase)).Kind);
        await RunAsync(request, backupStore, ConnectorAction.Erase);
        await Accounts.UpsertEntityAsync(new TableEntity("accounts", request.Subject.AccountId) { ["Email"] = request.Subject.Email, ["AccountId"] = request.Subject.AccountId });
        var restore = new RestoreInput("restore-" + RequestId.New(), backupStore, "20261128T0000Z");

        var plan = await core.Get<ListLedgeredErasuresActivity>().RunAsync(restore, CancellationToken.None);
        var erasure = Assert.Single(plan.Erasures);
        var reapply = core.Get<ReapplyErasureActivity>();
        var first = await reapply.RunAsync(new ReapplyInput(erasure.RequestId, "customer-accounts", restore.RestoreId), CancellationToken.None);
        var again = await reapply.RunAsync(new ReapplyInput(erasure.RequestId, "customer-accounts", restore.RestoreId), CancellationToken.None);

        Assert.Equal(request.Id, erasure.RequestId);
        Assert.Equal(["customer-accounts"], erasure.Stores.Select(s => s.StoreId));
        Assert.Equal((OutcomeKind.Done, 1), (first.Kind, first.RecordsAffected));
        Assert.Equal(first with { CompletedAt = default }, again with { CompletedAt = default });
        Assert.DoesNotContain(await TableRows.AllAsync(Accounts), r => r.RowKey == request.Subject.AccountId);
        var evidence = await core.Get<EvidenceLedger>().ReadAsync(request.Id);
        Assert.Single(evidence, e => e.EventType == EvidenceEvents.StoreReapplied.Name);
    }
}

using Azure.Data.Tables;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Connectors.Backups;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.Fulfilment;
using Comintech.Dsr.Fulfilment.Activities;
using Comintech.Dsr.Fulfilment.Restore;
using Comintech.Dsr.Identity;
using Comintech.Dsr.Storage;
using Comintech.Dsr.Testing;

namespace Comintech.Dsr.Integration.Tests.Identity;

/// <summary>
/// Every path that runs a connector (the first run, a staff re-run under its own key, a backup re-erasure) and the
/// identity resolution itself, on Azurite: an account id that is not bound to the verified address finds nothing of
/// its owner.
/// </summary>
public sealed class UnboundIdentifierTests : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly string table = "Accounts" + Guid.NewGuid().ToString("N")[..8];
    private readonly string backupStore = "backups-" + Guid.NewGuid().ToString("N")[..8];
    private readonly AzuriteFixture azurite;
    private readonly WiredCore core;

    public UnboundIdentifierTests(AzuriteFixture azurite)
    {
        this.azurite = azurite;
        var overrides = TestServices.Store(1, backupStore, BackupConnector.KindName, new Dictionary<string, string> { ["RetentionDays"] = "35", ["Covers"] = "customer-accounts" });
        overrides["DataMap:Stores:0:Settings:Table"] = table;
        overrides["DataMap:Identity:AccountStores:0"] = "customer-accounts";
        core = new WiredCore(azurite.ConnectionString, overrides);
    }

    public void Dispose() => core.Dispose();

    private TableClient Accounts => azurite.Storage.Tables.GetTableClient(table);

    /// <summary>The victim's account, and a request by a stranger who verified their own address and named it.</summary>
    private async Task<(string VictimAccount, DsrRequest Request)> ArrangeAsync(RequestType type)
    {
        await Accounts.CreateIfNotExistsAsync();
        var victim = "ACC-" + Guid.NewGuid().ToString("N")[..6];
        await Accounts.UpsertEntityAsync(new TableEntity("accounts", victim) { ["Email"] = $"{victim.ToLowerInvariant()}@example.org", ["AccountId"] = victim });
        var stranger = $"stranger-{Guid.NewGuid():N}@evil.example";
        await Accounts.UpsertEntityAsync(new TableEntity("accounts", "own-" + victim) { ["Email"] = stranger, ["AccountId"] = "OWN-" + victim });
        var request = await core.AddRequestAsync(type, new DataSubject(stranger, "Mallory", victim), accountBound: false);
        return (victim, request);
    }

    private async Task<bool> VictimRowExistsAsync(string victim) => (await TableRows.AllAsync(Accounts)).Any(r => r.RowKey == victim);

    [Fact]
    public async Task Resolution_leaves_a_stranger_s_named_account_unbound_and_records_only_its_hash()
    {
        await Accounts.CreateIfNotExistsAsync();
        var victim = "ACC-" + Guid.NewGuid().ToString("N")[..6];
        await Accounts.UpsertEntityAsync(new TableEntity("accounts", victim) { ["Email"] = "victim@example.org", ["AccountId"] = victim });
        var stranger = TestRequests.New(RequestType.Deletion, RequestStatus.AwaitingVerification, subject: new DataSubject("mallory@evil.example", "Mallory", victim));
        var owner = TestRequests.New(RequestType.Deletion, RequestStatus.AwaitingVerification, subject: new DataSubject("VICTIM@example.org", "Victim", victim));
        await core.Get<RequestStore>().AddAsync(stranger);
        await core.Get<RequestStore>().AddAsync(owner);

        var resolvedStranger = await core.Get<IdentityResolver>().ResolveAsync(stranger, CancellationToken.None);
        var resolvedOwner = await core.Get<IdentityResolver>().ResolveAsync(owner, CancellationToken.None);
        // The plan step keeps each decision on the request row (with its move to InProgress).
        await core.Get<PlanFulfilmentActivity>().RunAsync(stranger.Id, CancellationToken.None);
        await core.Get<PlanFulfilmentActivity>().RunAsync(owner.Id, CancellationToken.None);

        Assert.Null(resolvedStranger.BoundSubject.AccountId);
        Assert.Equal(UnboundReason.NotLinked, (await core.Get<RequestStore>().GetAsync(stranger.Id)).Identity!.Unbound);
        Assert.Equal(victim, (await core.Get<RequestStore>().GetAsync(owner.Id)).BoundSubject.AccountId);
        Assert.Equal(victim, resolvedOwner.BoundSubject.AccountId);
        Assert.Equal(RequestStatus.InProgress, (await core.Get<RequestStore>().GetAsync(owner.Id)).Status);
        var evidence = await core.Get<EvidenceLedger>().ReadAsync(stranger.Id);
        var unbound = Assert.Single(evidence, e => e.EventType == EvidenceEvents.IdentityUnbound.Name);
        Assert.Contains(core.Get<IdentifierHasher>().Hash(victim), unbound.Details, StringComparison.Ordinal);
        Assert.All(evidence, e => Assert.DoesNotContain(victim, e.Details, StringComparison.OrdinalIgnoreCase));
        Assert.Single(evidence, e => e.EventType == EvidenceEvents.IdentityResolved.Name);
    }

    [Fact]
    public async Task Neither_the_first_run_nor_a_staff_rerun_touch_the_unbound_account()
    {
        var (victim, request) = await ArrangeAsync(RequestType.Deletion);
        var activity = core.Get<ExecuteStoreActionActivity>();

        var first = await activity.RunAsync(new StoreActionInput(request.Id, "customer-accounts", ConnectorAction.Erase), CancellationToken.None);
        await Accounts.UpsertEntityAsync(new TableEntity("accounts", "again-" + victim) { ["Email"] = request.Subject.Email, ["AccountId"] = "X" });
        var rerun = await activity.RunAsync(new StoreActionInput(request.Id, "customer-accounts", ConnectorAction.Erase, "rerun-1"), CancellationToken.None);

        Assert.Equal((OutcomeKind.Done, 1), (first.Kind, first.RecordsAffected));
        Assert.Equal((OutcomeKind.Done, 1), (rerun.Kind, rerun.RecordsAffected));
        Assert.True(await VictimRowExistsAsync(victim));
    }

    [Fact]
    public async Task A_backup_re_erasure_does_not_reach_the_unbound_account()
    {
        var (victim, request) = await ArrangeAsync(RequestType.Deletion);
        var activity = core.Get<ExecuteStoreActionActivity>();
        await activity.RunAsync(new StoreActionInput(request.Id, "customer-accounts", ConnectorAction.Erase), CancellationToken.None);
        await activity.RunAsync(new StoreActionInput(request.Id, backupStore, ConnectorAction.Erase), CancellationToken.None);
        var ledger = (await azurite.Storage.Tables.GetTableClient(RestoreSuppressionLedger.TableName).GetEntityAsync<TableEntity>(backupStore, request.Id)).Value;
        Assert.Null(ledger.GetString("AccountIdHash"));

        var restore = new RestoreInput("restore-" + RequestId.New(), backupStore, "20261128T0000Z");
        var plan = await core.Get<ListLedgeredErasuresActivity>().RunAsync(restore, CancellationToken.None);
        foreach (var erasure in plan.Erasures.Where(e => e.RequestId == request.Id))
        {
            await core.Get<ReapplyErasureActivity>().RunAsync(new ReapplyInput(erasure.RequestId, "customer-accounts", restore.RestoreId), CancellationToken.None);
        }

        Assert.Contains(plan.Erasures, e => e.RequestId == request.Id);
        Assert.True(await VictimRowExistsAsync(victim));
    }
}

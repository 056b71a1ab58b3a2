using Azure.Data.Tables;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.Evidence.Events;
using Comintech.Dsr.Fulfilment;
using Comintech.Dsr.Fulfilment.Access;
using Comintech.Dsr.Fulfilment.Activities;
using Comintech.Dsr.Retention;
using Comintech.Dsr.Storage;
using Comintech.Dsr.Testing;

namespace Comintech.Dsr.Integration.Tests.Retention;

/// <summary>The system's own copies of personal data on Azurite: encrypted while kept, removed on schedule, and by a later deletion.</summary>
public sealed class RetentionTests : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly string table = "Accounts" + Guid.NewGuid().ToString("N")[..8];
    private readonly AzuriteFixture azurite;
    private readonly WiredCore core;

    public RetentionTests(AzuriteFixture azurite)
    {
        this.azurite = azurite;
        core = new WiredCore(azurite.ConnectionString, new Dictionary<string, string?> { ["DataMap:Stores:0:Settings:Table"] = table });
    }

    public void Dispose() => core.Dispose();

    private RequestStore Requests => core.Get<RequestStore>();

    private static DataSubject Person() => new($"kim-{Guid.NewGuid():N}@example.com", "Kim Example", "ACC-" + Guid.NewGuid().ToString("N")[..6]);

    private async Task<DsrRequest> ClosedAsync(RequestType type, RequestStatus status, DataSubject? subject = null)
    {
        var request = await core.AddRequestAsync(type, subject ?? Person());
        await Requests.SetStatusAsync(request.Id, status);
        return await Requests.GetAsync(request.Id);
    }

    private Task<TableEntity> RowAsync(string id) => azurite.Storage.Requests.GetEntityAsync<TableEntity>(id, OwnRowKey.For("request", id)).ContinueWith(t => t.Result.Value);

    private Task<RetentionReport> PassAsync(TimeSpan later) => core.Get<RetentionService>().ApplyAsync(DateTimeOffset.UtcNow + later, CancellationToken.None);

    [Fact]
    public async Task A_request_row_holds_no_identifier_in_clear_and_reads_back_whole()
    {
        var person = Person();
        var request = await core.AddRequestAsync(RequestType.Access, person);

        var row = await RowAsync(request.Id);
        var clear = row.Values().OfType<string>().ToList();
        Assert.DoesNotContain(clear, v => v.Contains(person.Email, StringComparison.OrdinalIgnoreCase) || v.Contains("Kim Example", StringComparison.Ordinal)
            || v.Contains(person.AccountId!, StringComparison.OrdinalIgnoreCase));
        Assert.StartsWith(IdentifierProtector.Prefix, row.GetString("Email"), StringComparison.Ordinal);
        Assert.Equal(core.Get<IdentifierHasher>().Hash(person.Email), row.GetString("EmailHash"));
        var read = await Requests.GetAsync(request.Id);
        Assert.Equal((person.Email, person.FullName, person.AccountId, person.AccountId), (read.Subject.Email, read.Subject.FullName, read.Subject.AccountId, read.BoundSubject.AccountId));
    }

    [Fact]
    public async Task A_value_moved_to_another_row_does_not_decrypt()
    {
        var first = await core.AddRequestAsync(RequestType.Access, Person());
        var second = await core.AddRequestAsync(RequestType.Access, Person());
        var stolen = (await RowAsync(first.Id)).GetString("Email");

        await azurite.Storage.Requests.UpdateEntityAsync(new TableEntity(second.Id, OwnRowKey.For("request", second.Id)) { ["Email"] = stolen }, Azure.ETag.All, TableUpdateMode.Merge);

        await Assert.ThrowsAnyAsync<System.Security.Cryptography.CryptographicException>(() => Requests.GetAsync(second.Id));
    }

    [Fact]
    public async Task A_closed_request_is_minimised_after_its_period_and_its_evidence_still_verifies()
    {
        var request = await ClosedAsync(RequestType.Access, RequestStatus.Completed);
        await core.Get<EvidenceLedger>().AppendAsync(request.Id, RequestReceived.Key, RequestReceived.From(request, globalPrivacyControl: false));

        await PassAsync(TimeSpan.FromDays(29));
        Assert.Null((await Requests.GetAsync(request.Id)).IdentifiersRemovedAt);
        await PassAsync(TimeSpan.FromDays(31));

        var row = await RowAsync(request.Id);
        Assert.All(RequestStore.ProtectedColumns.Append("WrappedKey"), column => Assert.False(row.ContainsKey(column), column));
        Assert.Equal(core.Get<IdentifierHasher>().Hash(request.Subject.Email), row.GetString("EmailHash"));
        Assert.Equal(("Access", "Completed"), (row.GetString("Type"), row.GetString("Status")));
        var read = await Requests.GetAsync(request.Id);
        Assert.NotNull(read.IdentifiersRemovedAt);
        Assert.Equal(DataSubject.Removed, read.Subject);
        var evidence = await core.Get<EvidenceLedger>().ReadAsync(request.Id);
        Assert.True(EvidenceLedger.Verify(evidence).IsIntact);
        Assert.Single(evidence, e => e.EventType == EvidenceEvents.IdentifiersRemoved.Name);
        Assert.All(evidence, e => Assert.DoesNotContain(request.Subject.Email, e.Details, StringComparison.OrdinalIgnoreCase));

        await PassAsync(TimeSpan.FromDays(40));
        Assert.Single(await core.Get<EvidenceLedger>().ReadAsync(request.Id), e => e.EventType == EvidenceEvents.IdentifiersRemoved.Name);
    }

    [Fact]
    public async Task An_unverified_request_loses_its_identifiers_after_the_grace()
    {
        var request = await ClosedAsync(RequestType.Deletion, RequestStatus.IdentityNotVerified);

        await PassAsync(TimeSpan.FromDays(1));
        Assert.Null((await Requests.GetAsync(request.Id)).IdentifiersRemovedAt);
        await PassAsync(TimeSpan.FromDays(3));

        Assert.False((await RowAsync(request.Id)).ContainsKey("Email"));
    }

    [Fact]
    public async Task A_closed_deletion_keeps_keyed_hashes_not_encrypted_identifiers_and_a_failed_one_waits()
    {
        var done = await ClosedAsync(RequestType.Deletion, RequestStatus.Completed);
        var failed = await ClosedAsync(RequestType.Deletion, RequestStatus.CompletedWithExceptions);

        await PassAsync(TimeSpan.FromMinutes(1));

        var row = await RowAsync(done.Id);
        var hasher = core.Get<IdentifierHasher>();
        Assert.Equal((hasher.Hash(done.Subject.Email), hasher.Hash(done.Subject.AccountId!)), (row.GetString("EmailHash"), row.GetString("AccountIdHash")));
        Assert.False(row.ContainsKey("WrappedKey"));
        Assert.False(row.ContainsKey("Email"));
        Assert.True((await RowAsync(failed.Id)).ContainsKey("WrappedKey"));
    }

    [Fact]
    public async Task Exports_are_gone_once_the_package_is_built()
    {
        var person = Person();
        var accounts = azurite.Storage.Tables.GetTableClient(table);
        await accounts.CreateIfNotExistsAsync();
        await accounts.UpsertEntityAsync(new TableEntity("accounts", person.AccountId) { ["Email"] = person.Email, ["AccountId"] = person.AccountId });
        var request = await core.AddRequestAsync(RequestType.Access, person);
        var outcome = await core.Get<ExecuteStoreActionActivity>().RunAsync(new StoreActionInput(request.Id, "customer-accounts", ConnectorAction.Export), CancellationToken.None);
        Assert.True((await azurite.Storage.Exports.GetBlobClient(outcome.ArtifactPath).ExistsAsync()).Value);

        await core.Get<AccessPackages>().PublishAsync(request.Id, [outcome], CancellationToken.None);

        Assert.False((await azurite.Storage.Exports.GetBlobClient(outcome.ArtifactPath).ExistsAsync()).Value);
        Assert.True((await azurite.Storage.AccessPackages.GetBlobClient(AccessPackages.BlobName(request.Id)).ExistsAsync()).Value);
    }

    [Fact]
    public async Task A_later_deletion_removes_the_earlier_requests_copies_and_identifiers_and_says_what_is_kept()
    {
        var person = Person();
        var earlier = await ClosedAsync(RequestType.Access, RequestStatus.Completed, person);
        await azurite.Storage.AccessPackages.CreateIfNotExistsAsync();
        await azurite.Storage.AccessPackages.GetBlobClient(AccessPackages.BlobName(earlier.Id)).UploadAsync(BinaryData.FromString("zip"));
        var attachments = azurite.Storage.Blobs.GetBlobContainerClient(DsrStorage.StaffAttachmentsContainer);
        await attachments.CreateIfNotExistsAsync();
        await attachments.GetBlobClient($"{earlier.Id}/manual/contract.pdf").UploadAsync(BinaryData.FromString("pdf"));
        await azurite.Storage.InboundRaw.CreateIfNotExistsAsync();
        await azurite.Storage.InboundRaw.GetBlobClient($"m-{earlier.Id}.eml").UploadAsync(BinaryData.FromString("From: kim"));
        await azurite.Storage.InboundMessages.CreateIfNotExistsAsync();
        await azurite.Storage.InboundMessages.AddEntityAsync(new TableEntity($"m-{earlier.Id}", "message") { ["RequestId"] = earlier.Id, ["RawBlob"] = $"m-{earlier.Id}.eml" });
        var other = await ClosedAsync(RequestType.Access, RequestStatus.Completed);
        var deletion = await core.AddRequestAsync(RequestType.Deletion, person);

        var outcome = await core.Get<ExecuteStoreActionActivity>().RunAsync(new StoreActionInput(deletion.Id, DsrRecordsStore.StoreId, ConnectorAction.Erase), CancellationToken.None);

        Assert.Equal((OutcomeKind.Retained, 1, 4), (outcome.Kind, outcome.RecordsFound, outcome.RecordsAffected));
        Assert.Contains("§7101", outcome.Note, StringComparison.Ordinal);
        Assert.False((await azurite.Storage.AccessPackages.GetBlobClient(AccessPackages.BlobName(earlier.Id)).ExistsAsync()).Value);
        Assert.False((await attachments.GetBlobClient($"{earlier.Id}/manual/contract.pdf").ExistsAsync()).Value);
        Assert.False((await azurite.Storage.InboundRaw.GetBlobClient($"m-{earlier.Id}.eml").ExistsAsync()).Value);
        var row = await RowAsync(earlier.Id);
        Assert.Equal(deletion.Id, row.GetString("MinimisedFor"));
        Assert.False(row.ContainsKey("Email"));
        Assert.Null((await Requests.GetAsync(other.Id)).IdentifiersRemovedAt);
        Assert.Null((await Requests.GetAsync(deletion.Id)).IdentifiersRemovedAt);
        var kept = Comintech.Dsr.Fulfilment.Deletion.RetainedItems.From(core.Get<Microsoft.Extensions.Options.IOptions<DataMapOptions>>().Value, [outcome]);
        Assert.Equal(DsrRecordsStore.StoreId, Assert.Single(kept).StoreId);
    }

    [Fact]
    public async Task Expired_packages_and_stale_partner_replays_are_removed()
    {
        var request = await ClosedAsync(RequestType.Access, RequestStatus.Completed);
        await azurite.Storage.AccessPackages.CreateIfNotExistsAsync();
        var expires = DateTimeOffset.UtcNow.AddDays(7).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        await azurite.Storage.AccessPackages.GetBlobClient(AccessPackages.BlobName(request.Id)).UploadAsync(
            BinaryData.FromString("zip"), new Azure.Storage.Blobs.Models.BlobUploadOptions { Metadata = new Dictionary<string, string> { ["expires"] = expires } });
        var replays = azurite.Storage.Tables.GetTableClient(DsrStorage.PartnerReplaysTable);
        await replays.CreateIfNotExistsAsync();
        await replays.AddEntityAsync(new TableEntity("acme", Guid.NewGuid().ToString("N")) { ["SeenAt"] = DateTimeOffset.UtcNow });

        var early = await PassAsync(TimeSpan.FromHours(12));
        var late = await PassAsync(TimeSpan.FromDays(8));

        Assert.Equal((0, 0), (early.ExpiredPackages, early.PartnerReplays));
        Assert.Equal(1, late.ExpiredPackages);
        Assert.True(late.PartnerReplays >= 1);
        Assert.False((await azurite.Storage.AccessPackages.GetBlobClient(AccessPackages.BlobName(request.Id)).ExistsAsync()).Value);
        Assert.Contains(await core.Get<EvidenceLedger>().ReadAsync(request.Id), e => e.EventType == EvidenceEvents.CopiesRemoved.Name);
    }
}

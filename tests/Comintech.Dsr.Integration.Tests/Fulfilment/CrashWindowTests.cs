using Azure.Data.Tables;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.Fulfilment;
using Comintech.Dsr.Fulfilment.Access;
using Comintech.Dsr.Fulfilment.Activities;
using Comintech.Dsr.Fulfilment.Deletion;
using Comintech.Dsr.Storage;
using Comintech.Dsr.Testing;

namespace Comintech.Dsr.Integration.Tests.Fulfilment;

/// <summary>
/// Each pair of writes that must agree, with the process stopped between them: the step's re-run (the engine runs an
/// activity again after a crash) writes what is missing, exactly once.
/// </summary>
public sealed class CrashWindowTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly FaultInjection faults = new();

    private WiredCore Core() => new(azurite.ConnectionString, new Dictionary<string, string?>(), s => faults.Register(s, azurite.ConnectionString));

    private static ConnectorOutcome Erased(string store = "customer-accounts") =>
        new(store, ConnectorAction.Erase, OutcomeKind.Done, 1, 1, "Erased.", null, DateTimeOffset.UtcNow);

    private static async Task<T> FailsThenAsync<T>(Func<Task<T>> step)
    {
        await Assert.ThrowsAnyAsync<Exception>(step);
        return await step();
    }

    [Fact]
    public async Task A_store_outcome_kept_before_a_crash_gets_one_evidence_link_from_finalise()
    {
        using var core = Core();
        var person = new DataSubject("kai@example.com", "Kai", "ACC-91");
        var request = await core.AddRequestAsync(RequestType.Deletion, person);
        var accounts = azurite.Storage.Tables.GetTableClient("TestAccounts");
        await accounts.CreateIfNotExistsAsync();
        await accounts.UpsertEntityAsync(new TableEntity("accounts", person.AccountId!) { ["Email"] = person.Email, ["AccountId"] = person.AccountId });
        var input = new StoreActionInput(request.Id, "customer-accounts", ConnectorAction.Erase);

        var first = await core.Get<ExecuteStoreActionActivity>().RunAsync(input, CancellationToken.None);
        var rerun = await core.Get<ExecuteStoreActionActivity>().RunAsync(input, CancellationToken.None);
        faults.FailFirst(FaultInjection.After(FaultInjection.Batch, FaultInjection.Batch));
        var finalise = new FinaliseInput(request.Id, RequestStatus.Completed, [rerun]);
        await FailsThenAsync(() => core.Get<FinaliseRequestActivity>().RunAsync(finalise, CancellationToken.None));
        await core.Get<FinaliseRequestActivity>().RunAsync(finalise, CancellationToken.None);

        Assert.Equal((OutcomeKind.Done, 1), (rerun.Kind, rerun.RecordsAffected));
        Assert.Equal(first with { CompletedAt = default }, rerun with { CompletedAt = default });
        var evidence = await core.Get<EvidenceLedger>().ReadAsync(request.Id);
        Assert.Single(evidence, e => e.EventType == EvidenceEvents.StoreOutcome.Name);
        Assert.Single(evidence, e => e.EventType == EvidenceEvents.Completed.Name);
        Assert.True(EvidenceLedger.Verify(evidence).IsIntact);
    }

    [Fact]
    public async Task A_confirmation_kept_before_a_crash_gets_its_evidence_link_on_the_rerun()
    {
        using var core = Core();
        var request = await core.AddRequestAsync(RequestType.Deletion, new DataSubject("kit@example.com", "Kit", null));
        var input = new StoreConfirmedInput(
            request.Id, "customer-accounts", ConnectorAction.Erase, new StoreConfirmation(OutcomeKind.Done, 2, "c-1", "staff"));
        faults.FailFirst(FaultInjection.After(FaultInjection.Write(DsrStorage.ConnectorRunsTable), FaultInjection.Batch));

        var outcome = await FailsThenAsync(() => core.Get<RecordStoreConfirmationActivity>().RunAsync(input, CancellationToken.None));
        await core.Get<RecordStoreConfirmationActivity>().RunAsync(input, CancellationToken.None);

        Assert.Equal(2, outcome.RecordsAffected);
        var evidence = await core.Get<EvidenceLedger>().ReadAsync(request.Id);
        Assert.Single(evidence, e => e.EventType == EvidenceEvents.StoreConfirmed.Name);
    }

    [Fact]
    public async Task Final_status_written_before_a_crash_still_gets_one_completion_link_and_one_certificate()
    {
        using var core = Core();
        var request = await core.AddRequestAsync(RequestType.Deletion, new DataSubject("kay@example.com", "Kay", null));
        faults.FailFirst(FaultInjection.After(FaultInjection.Write(DsrStorage.RequestsTable), FaultInjection.Batch));
        var finalise = new FinaliseInput(request.Id, RequestStatus.Completed, [Erased()]);

        await Assert.ThrowsAnyAsync<Exception>(() => core.Get<FinaliseRequestActivity>().RunAsync(finalise, CancellationToken.None));
        Assert.Equal(RequestStatus.Completed, (await core.Get<RequestStore>().GetAsync(request.Id)).Status);
        await core.Get<FinaliseRequestActivity>().RunAsync(finalise, CancellationToken.None);
        await core.Get<FinaliseRequestActivity>().RunAsync(finalise, CancellationToken.None);

        var evidence = await core.Get<EvidenceLedger>().ReadAsync(request.Id);
        Assert.Single(evidence, e => e.EventType == EvidenceEvents.Completed.Name);
        Assert.Single(evidence, e => e.EventType == EvidenceEvents.FinalNoticeSent.Name);
        Assert.True(await azurite.Storage.EvidenceDocuments.GetBlobClient($"{request.Id}/{DeletionCertificates.JsonName}").ExistsAsync());
    }

    [Fact]
    public async Task A_certificate_half_written_before_a_crash_is_completed_with_the_same_content()
    {
        using var core = Core();
        var request = await core.AddRequestAsync(RequestType.Deletion, new DataSubject("kip@example.com", "Kip", null));
        faults.FailFirst(FaultInjection.Write(DeletionCertificates.JsonName));
        var finalise = new FinaliseInput(request.Id, RequestStatus.Completed, [Erased()]);

        await FailsThenAsync(() => core.Get<FinaliseRequestActivity>().RunAsync(finalise, CancellationToken.None));

        var documents = azurite.Storage.EvidenceDocuments;
        var json = (await documents.GetBlobClient($"{request.Id}/{DeletionCertificates.JsonName}").DownloadContentAsync()).Value.Content.ToString();
        var html = (await documents.GetBlobClient($"{request.Id}/{DeletionCertificates.HtmlName}").DownloadContentAsync()).Value.Content.ToString();
        var certificate = System.Text.Json.JsonSerializer.Deserialize<DeletionCertificate>(json, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
        Assert.Contains(certificate.IssuedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
        Assert.Contains(certificate.Evidence.HeadHash, html, StringComparison.Ordinal);
        var completed = (await core.Get<EvidenceLedger>().ReadAsync(request.Id)).Single(e => e.EventType == EvidenceEvents.Completed.Name);
        Assert.Equal((completed.Sequence, completed.Hash), (certificate.Evidence.HeadSequence, certificate.Evidence.HeadHash));
    }

    [Fact]
    public async Task An_access_package_stored_before_a_crash_gets_one_link_and_keeps_its_expiry()
    {
        using var core = Core();
        var request = await core.AddRequestAsync(RequestType.Access, new DataSubject("kim@example.com", "Kim", null));
        faults.FailFirst(FaultInjection.After(FaultInjection.Write(DsrStorage.AccessPackagesContainer), FaultInjection.Batch));
        var exported = new ConnectorOutcome("customer-accounts", ConnectorAction.Export, OutcomeKind.NothingFound, 0, 0, null, null, DateTimeOffset.UtcNow);
        var finalise = new FinaliseInput(request.Id, RequestStatus.Completed, [exported]);

        await Assert.ThrowsAnyAsync<Exception>(() => core.Get<FinaliseRequestActivity>().RunAsync(finalise, CancellationToken.None));
        var blob = azurite.Storage.AccessPackages.GetBlobClient(AccessPackages.BlobName(request.Id));
        var stored = (await blob.GetPropertiesAsync()).Value.ETag;
        await core.Get<FinaliseRequestActivity>().RunAsync(finalise, CancellationToken.None);

        Assert.Equal(stored, (await blob.GetPropertiesAsync()).Value.ETag);
        var evidence = await core.Get<EvidenceLedger>().ReadAsync(request.Id);
        Assert.Single(evidence, e => e.EventType == EvidenceEvents.AccessPackagePublished.Name);
        Assert.Single(evidence, e => e.EventType == EvidenceEvents.Completed.Name);
    }

    [Fact]
    public async Task A_rerun_of_the_acknowledgement_or_of_the_acknowledgement_with_code_mails_no_second_acknowledgement()
    {
        using var core = Core();
        var request = new DsrRequest(
            RequestId.New(), RequestType.Deletion, IntakeChannel.Api, Jurisdiction.GDPR, "en", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(30),
            RequestStatus.Received, new DataSubject("kit@example.com", "Kit", null), null, new Dictionary<string, string>());
        await core.Get<RequestStore>().AddAsync(request);

        await core.Get<SendAcknowledgementActivity>().RunAsync(request.Id, CancellationToken.None);
        var mailed = Directory.GetFiles(core.PickupDirectory);
        var acknowledgement = Assert.Single(mailed);
        File.Delete(acknowledgement);
        await core.Get<SendAcknowledgementActivity>().RunAsync(request.Id, CancellationToken.None);
        await core.Get<AcknowledgeAndSendCodeActivity>().RunAsync(request.Id, CancellationToken.None);

        Assert.False(File.Exists(acknowledgement));
        Assert.Single(Directory.GetFiles(core.PickupDirectory), f => f.Contains(".code-1.", StringComparison.Ordinal));
        var evidence = await core.Get<EvidenceLedger>().ReadAsync(request.Id);
        Assert.Single(evidence, e => e.EventType == EvidenceEvents.AcknowledgementSent.Name);
        Assert.Equal(RequestStatus.AwaitingVerification, (await core.Get<RequestStore>().GetAsync(request.Id)).Status);
    }

    [Fact]
    public async Task A_late_copy_of_an_early_step_does_not_reopen_a_closed_request()
    {
        using var core = Core();
        var request = await core.AddRequestAsync(RequestType.Deletion, new DataSubject("kaz@example.com", "Kaz", null));
        await core.Get<FinaliseRequestActivity>().RunAsync(new FinaliseInput(request.Id, RequestStatus.Completed, [Erased()]), CancellationToken.None);

        await core.Get<PlanFulfilmentActivity>().RunAsync(request.Id, CancellationToken.None);
        await core.Get<SendAcknowledgementActivity>().RunAsync(request.Id, CancellationToken.None);

        Assert.Equal(RequestStatus.Completed, (await core.Get<RequestStore>().GetAsync(request.Id)).Status);
    }
}

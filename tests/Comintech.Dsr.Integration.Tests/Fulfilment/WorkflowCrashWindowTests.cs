using Comintech.Dsr.Domain;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.Evidence.Events;
using Comintech.Dsr.Fulfilment;
using Comintech.Dsr.Hosting;
using Comintech.Dsr.Intake;
using Comintech.Dsr.Limits;
using Comintech.Dsr.Storage;
using Comintech.Dsr.Testing;
using Comintech.Dsr.Verification;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Comintech.Dsr.Integration.Tests.Fulfilment;

/// <summary>The whole workflow with its real steps on storage (the in-process test host over Azurite), stopped or raced inside a step.</summary>
public sealed class WorkflowCrashWindowTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private readonly string pickup = Directory.CreateTempSubdirectory("dsr-mail-").FullName;
    private readonly FaultInjection faults = new();
    private DurableTaskTestHost host = null!;

    public async Task InitializeAsync()
    {
        var configuration = TestServices.Configuration(azurite.ConnectionString, pickup);
        host = await TestDurableHost.StartAsync(
            registry => registry.AddDsrTasks(),
            new DurableTaskTestHostOptions
            {
                ConfigureServices = services =>
                {
                    services.AddSingleton(configuration);
                    services.AddDsrCore(configuration);
                    faults.Register(services, azurite.ConnectionString);
                },
            });
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        Directory.Delete(pickup, recursive: true);
    }

    private T Get<T>() where T : notnull => host.Services.GetRequiredService<T>();

    /// <summary>The person types the code after the code step mailed it and before the step recorded it as sent.</summary>
    [Fact]
    public async Task A_code_verified_between_its_mail_and_its_sent_record_completes_the_request()
    {
        var verifiedInTheWindow = false;
        // The code step's write that records the code as sent: the one after its mail is in the pickup folder.
        var recordingSent = (Func<Azure.Core.HttpMessage, bool>)(message =>
            FaultInjection.Write("RowKey='verification@")(message) && Directory.EnumerateFiles(pickup, "*.code-1.eml").Any());
        faults.Before(recordingSent, async () =>
        {
            var file = Directory.EnumerateFiles(pickup, "*.code-1.eml").Single();
            var requestId = Path.GetFileName(file).Split('.')[0];
            var code = MailPickup.CodeIn(await MimeKit.MimeMessage.LoadAsync(file));
            // What the verify route does: check the code, record it, tell the workflow.
            var request = await Get<RequestStore>().GetAsync(requestId);
            var (outcome, _) = await Get<CodeAttempts>().VerifyAsync(request, code, CancellationToken.None);
            Assert.Equal(Comintech.Dsr.Verification.VerifyResult.Verified, outcome!.Result);
            await Get<EvidenceLedger>().AppendAsync(requestId, VerificationSucceeded.Key, VerificationSucceeded.ByCode);
            await host.Client.RaiseEventAsync(requestId, DsrEvents.IdentityVerified, true);
            verifiedInTheWindow = true;
        });

        var submitted = await Get<IntakeService>().SubmitAsync(
            new RequestSubmission(RequestType.Access, new DataSubject("window@example.com", "Wyn Dow", null), Jurisdiction.GDPR, "en", null, new Dictionary<string, string>()),
            IntakeChannel.Api,
            host.Client,
            CancellationToken.None);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var finished = await host.Client.WaitForInstanceCompletionAsync(submitted.Id, getInputsAndOutputs: false, timeout.Token);

        Assert.True(verifiedInTheWindow, "The code was never verified inside the window.");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, finished.RuntimeStatus);
        Assert.Equal(RequestStatus.Completed, (await Get<RequestStore>().GetAsync(submitted.Id)).Status);
        var events = (await Get<EvidenceLedger>().ReadAsync(submitted.Id)).Select(e => e.EventType).ToList();
        Assert.Single(events, e => e == EvidenceEvents.VerificationSent.Name);
        Assert.Single(events, e => e == EvidenceEvents.VerificationSucceeded.Name);
        Assert.Contains(EvidenceEvents.Completed.Name, events);
    }

    /// <summary>
    /// The intake stopped after storing the request and before its receipt link and workflow (a crash): the person's
    /// repeat of the submission, answered with an alias, finishes that intake at once.
    /// </summary>
    [Fact]
    public async Task A_repeat_of_a_submission_whose_intake_stopped_after_storing_it_starts_the_request()
    {
        var submission = new RequestSubmission(
            RequestType.Access, new DataSubject("halfway@example.com", "Hal Fway", null), Jurisdiction.GDPR, "en", null, new Dictionary<string, string>());
        // The receipt link is the first evidence batch after the request row is written.
        faults.FailFirst(FaultInjection.After(FaultInjection.Write(DsrStorage.RequestsTable), FaultInjection.Batch));
        await Assert.ThrowsAnyAsync<IOException>(() => Get<SubmissionGate>().SubmitAsync(submission, IntakeChannel.Api, host.Client, CancellationToken.None));
        var stored = (await Get<RequestStore>().FindByHashesAsync([Get<IdentifierHasher>().Hash("halfway@example.com")])).Single();
        Assert.Null(await host.Client.GetInstanceAsync(stored.Id));

        var alias = await Get<SubmissionGate>().SubmitAsync(submission, IntakeChannel.Api, host.Client, CancellationToken.None);

        Assert.NotEqual(stored.Id, alias);
        Assert.NotNull(await host.Client.GetInstanceAsync(stored.Id));
        Assert.Single(await Get<EvidenceLedger>().ReadAsync(stored.Id), e => e.EventType == EvidenceEvents.Received.Name);
        Assert.NotNull(await MailPickup.WaitForAsync(pickup, $"{stored.Id}.code-1.eml", TimeSpan.FromSeconds(60)));
    }
}

using Comintech.Dsr.Connectors.Backups;
using Comintech.Dsr.Connectors.Manual;
using Comintech.Dsr.Connectors.Waiting;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Deadlines;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.Fulfilment.Restore;
using Comintech.Dsr.Fulfilment;
using Comintech.Dsr.Partners;
using Comintech.Dsr.Staff.Approval;
using Comintech.Dsr.Staff.Extension;
using Comintech.Dsr.Staff.Rerun;
using Comintech.Dsr.Staff;
using Comintech.Dsr.StaffAccess;
using Comintech.Dsr.Storage;
using Comintech.Dsr.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask;

namespace Comintech.Dsr.Integration.Tests.Staff;

/// <summary>The staff use cases without HTTP: each decides, writes and raises its event, or gives a typed failure.</summary>
public sealed class StaffActionServicesTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string WaitForDecision = "WaitForDecision";
    private static readonly StaffPrincipal Staff = new("casey", "api-key");
    private WiredCore core = null!;
    private DurableTaskTestHost host = null!;

    public async Task InitializeAsync()
    {
        core = new WiredCore(azurite.ConnectionString, new Dictionary<string, string?>());
        host = await TestDurableHost.StartAsync(registry =>
            registry.AddOrchestratorFunc<object?, bool>(WaitForDecision, (context, _) => context.WaitForExternalEvent<bool>(DsrEvents.ApprovalDecided)));
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        core.Dispose();
    }

    private async Task<DsrRequest> AddAsync(RequestType type, RequestStatus status)
    {
        var now = DateTimeOffset.UtcNow;
        var request = new DsrRequest(
            RequestId.New(), type, IntakeChannel.Api, Jurisdiction.GDPR, "en", now, now.AddDays(30), status,
            new DataSubject($"person-{Guid.NewGuid():N}@example.com", "Pat Doe", null), null, new Dictionary<string, string>());
        await core.Get<RequestStore>().AddAsync(request);
        return request;
    }

    [Fact]
    public async Task The_first_approval_decision_reaches_the_workflow_and_a_different_second_one_is_refused()
    {
        var request = await AddAsync(RequestType.Deletion, RequestStatus.AwaitingApproval);
        await host.Client.ScheduleNewOrchestrationInstanceAsync(WaitForDecision, new StartOrchestrationOptions(request.Id));
        var approval = core.Get<DecideApproval>();

        var first = await approval.DecideAsync(request, approved: true, null, Staff, host.Client, CancellationToken.None);
        var second = await approval.DecideAsync(request, approved: false, "Not our customer", Staff, host.Client, CancellationToken.None);
        var open = await approval.DecideAsync(await AddAsync(RequestType.Deletion, RequestStatus.InProgress), true, null, Staff, host.Client, CancellationToken.None);

        Assert.Equal(StaffActions.Approve, first.Value);
        Assert.Equal((FailureKind.Conflict, "Already decided"), (second.Failure!.Kind, second.Failure.Title));
        Assert.Equal((FailureKind.Conflict, "Not awaiting approval"), (open.Failure!.Kind, open.Failure.Title));
        var decided = await host.Client.WaitForInstanceCompletionAsync(request.Id, getInputsAndOutputs: true);
        Assert.True(decided.ReadOutputAs<bool>());
        var audit = Assert.Single(await core.Get<StaffAuditLog>().ForRequestAsync(request.Id));
        Assert.Equal((StaffActions.Approve, "casey"), (audit.Action, audit.Actor));
        var evidence = Assert.Single(await core.Get<EvidenceLedger>().ReadAsync(request.Id));
        Assert.Equal((EvidenceEvents.ApprovalGranted.Name, "staff:casey"), (evidence.EventType, evidence.Actor));
    }

    [Fact]
    public async Task A_deadline_is_extended_once_with_its_notice_and_an_opt_out_never()
    {
        var request = await AddAsync(RequestType.Access, RequestStatus.InProgress);
        var extension = core.Get<ExtendDeadline>();

        var first = await extension.ExtendAsync(request, "Records in three archives", Staff, host.Client, CancellationToken.None);
        var again = await extension.ExtendAsync(await core.Get<RequestStore>().GetAsync(request.Id), "Again", Staff, host.Client, CancellationToken.None);
        var optOut = await extension.ExtendAsync(
            await AddAsync(RequestType.SaleSharingOptOut, RequestStatus.InProgress), "Busy", Staff, host.Client, CancellationToken.None);

        Assert.Equal(LegalCalendar.ExtendedDueAt(request.Jurisdiction, request.ReceivedAt, HolidayCalendar.None), first.Value);
        Assert.Equal(first.Value, (await core.Get<RequestStore>().GetAsync(request.Id)).DueAt);
        Assert.Equal((FailureKind.Conflict, "Cannot extend"), (again.Failure!.Kind, again.Failure.Title));
        Assert.Contains("cannot be extended", optOut.Failure!.Detail, StringComparison.Ordinal);
        Assert.Single(await core.Get<EvidenceLedger>().ReadAsync(request.Id), e => e.EventType == EvidenceEvents.DeadlineExtended.Name);
        Assert.Single(await core.Get<StaffAuditLog>().ForRequestAsync(request.Id), a => a.Action == StaffActions.Extend);
    }

    [Fact]
    public async Task Services_refuse_what_the_data_map_or_the_request_does_not_allow_before_writing_anything()
    {
        var deletion = await AddAsync(RequestType.Deletion, RequestStatus.InProgress);
        var access = await AddAsync(RequestType.Access, RequestStatus.InProgress);
        var step = new ManualStepBody("Deleted by hand", new ConfirmationBody(OutcomeKind.Done, 1), null, [new System.Text.Json.Nodes.JsonObject { ["a"] = 1 }]);

        var notBackup = await core.Get<BackupRestored>().StartAsync(new BackupRestoredBody("customer-accounts", "b1"), Staff, host.Client, CancellationToken.None);
        var recordsOnDeletion = await core.Get<MarkManualStepDone>().MarkDoneAsync(deletion, "customer-accounts", step, Staff, host.Client, CancellationToken.None);
        var nothingWaiting = await core.Get<MarkManualStepDone>().MarkDoneAsync(access, "customer-accounts", step, Staff, host.Client, CancellationToken.None);
        var unknownStore = await core.Get<RerunStore>().RerunAsync(deletion, "no-such-store", null, Staff, host.Client, CancellationToken.None);
        var notFailed = await core.Get<RerunStore>().RerunAsync(deletion, "customer-accounts", null, Staff, host.Client, CancellationToken.None);

        Assert.Equal(["storeId"], notBackup.Failure!.Errors!.Keys);
        Assert.Equal(["records"], recordsOnDeletion.Failure!.Errors!.Keys);
        Assert.Equal((FailureKind.NotFound, "Nothing waiting"), (nothingWaiting.Failure!.Kind, nothingWaiting.Failure.Title));
        Assert.Equal((FailureKind.NotFound, "Unknown store"), (unknownStore.Failure!.Kind, unknownStore.Failure.Title));
        Assert.Equal((FailureKind.Conflict, "Nothing to re-run"), (notFailed.Failure!.Kind, notFailed.Failure.Title));
        Assert.Empty(await core.Get<StaffAuditLog>().ForRequestAsync(deletion.Id));
    }
}

using Comintech.Dsr.Fulfilment;
using Comintech.Dsr.Fulfilment.Activities;
using Comintech.Dsr.Fulfilment.Restore;
using Comintech.Dsr.Telemetry;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace Comintech.Dsr.Hosting;

/// <summary>Registers the workflow's orchestrator and activities with a Durable Task worker (local engine, tests).</summary>
public static class DsrTaskRegistration
{
    public static DurableTaskRegistry AddDsrTasks(this DurableTaskRegistry registry)
    {
        registry.AddOrchestrator<DsrRequestOrchestrator>();
        registry.AddOrchestrator<Deadlines.DeadlineWatchOrchestrator>();
        registry.AddOrchestrator<Fulfilment.Rerun.StoreRerunOrchestrator>();
        Add<SendAcknowledgementActivity, string, bool>(registry, DsrActivityNames.SendAcknowledgement);
        Add<SendVerificationCodeActivity, SendCodeInput, bool>(registry, DsrActivityNames.SendVerificationCode);
        Add<CloseUnverifiedActivity, string, bool>(registry, DsrActivityNames.CloseUnverified);
        Add<PlanFulfilmentActivity, string, FulfilmentPlan>(registry, DsrActivityNames.PlanFulfilment);
        Add<ExecuteStoreActionActivity, StoreActionInput, Connectors.ConnectorOutcome>(registry, DsrActivityNames.ExecuteStoreAction);
        Add<FinaliseRequestActivity, FinaliseInput, bool>(registry, DsrActivityNames.FinaliseRequest);
        registry.AddOrchestrator<RestoredBackupOrchestrator>();
        Add<ListLedgeredErasuresActivity, RestoreInput, RestorePlan>(registry, DsrActivityNames.ListLedgeredErasures);
        Add<ReapplyErasureActivity, ReapplyInput, Connectors.ConnectorOutcome>(registry, DsrActivityNames.ReapplyErasure);
        Add<RemindWaitingStoreActivity, StoreWaitInput, bool>(registry, DsrActivityNames.RemindWaitingStore);
        Add<EscalateWaitingStoreActivity, StoreWaitInput, Connectors.ConnectorOutcome>(registry, DsrActivityNames.EscalateWaitingStore);
        Add<RecordStoreConfirmationActivity, StoreConfirmedInput, Connectors.ConnectorOutcome>(registry, DsrActivityNames.RecordStoreConfirmation);
        Add<AwaitApprovalActivity, string, bool>(registry, DsrActivityNames.AwaitApproval);
        Add<CloseDeniedActivity, string, bool>(registry, DsrActivityNames.CloseDenied);
        Add<Deadlines.SendDeadlineAlertActivity, Deadlines.DeadlineAlertInput, bool>(registry, DsrActivityNames.SendDeadlineAlert);
        Add<Fulfilment.Rerun.RecordRerunActivity, Fulfilment.Rerun.RecordRerunInput, Domain.RequestStatus>(registry, DsrActivityNames.RecordRerun);
        registry.AddOrchestrator<Identity.IdentityRerunOrchestrator>();
        registry.AddOrchestrator<Retention.RetentionOrchestrator>();
        Add<Retention.Activities.ApplyRetentionActivity, DateTime, Retention.RetentionReport>(registry, DsrActivityNames.ApplyRetention);
        Add<Identity.Activities.FinaliseIdentityRerunActivity, Identity.FinaliseIdentityRerunInput, bool>(registry, DsrActivityNames.FinaliseIdentityRerun);
        Add<Recovery.RecordWorkflowFailureActivity, Recovery.WorkflowFailureInput, bool>(registry, DsrActivityNames.RecordWorkflowFailure);
        Add<Recovery.PurgeHistoryActivity, string, int>(registry, DsrActivityNames.PurgeHistory);
        Add<Fulfilment.Access.OpenAccessReviewActivity, FinaliseInput, bool>(registry, DsrActivityNames.OpenAccessReview);
        Add<Connectors.ProcessorRouting.RemindClientsActivity, Connectors.ProcessorRouting.ClientFollowUpInput, int>(registry, Connectors.ProcessorRouting.ClientFollowUp.RemindActivity);
        Add<Connectors.ProcessorRouting.EscalateClientsActivity, Connectors.ProcessorRouting.ClientFollowUpInput, int>(registry, Connectors.ProcessorRouting.ClientFollowUp.EscalateActivity);
        return registry;
    }

    private static void Add<TActivity, TInput, TOutput>(DurableTaskRegistry registry, string name)
        where TActivity : class, IDsrActivity<TInput, TOutput> =>
        registry.AddActivity(name, services => new ActivityBinding<TInput, TOutput>(name, ActivatorUtilities.GetServiceOrCreateInstance<TActivity>(services)));

    private sealed class ActivityBinding<TInput, TOutput>(string name, IDsrActivity<TInput, TOutput> activity) : TaskActivity<TInput, TOutput>
    {
        public override async Task<TOutput> RunAsync(TaskActivityContext context, TInput input)
        {
            using var span = DsrTelemetry.StartWorkflowActivity(name);
            try
            {
                return await activity.RunAsync(input, CancellationToken.None);
            }
            catch (Exception ex)
            {
                DsrTelemetry.Failed(span, ex);
                throw;
            }
        }
    }
}

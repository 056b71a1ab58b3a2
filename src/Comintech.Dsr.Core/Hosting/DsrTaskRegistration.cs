using System.Reflection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Comintech.Dsr.Hosting;

/// <summary>The workflow's orchestrators and activities: the one list the worker, the services and the tests read.</summary>
public static class DsrTasks
{
    public static IReadOnlyList<Type> Orchestrators { get; } =
    [
        typeof(DsrRequestOrchestrator),
        typeof(Deadlines.DeadlineWatchOrchestrator),
        typeof(Fulfilment.Rerun.StoreRerunOrchestrator),
        typeof(RestoredBackupOrchestrator),
        typeof(IdentityRerunOrchestrator),
        typeof(Retention.RetentionOrchestrator),
    ];

    /// <summary>Each activity's registered name and its class (an <see cref="IDsrActivity{TInput, TOutput}"/>).</summary>
    public static IReadOnlyList<(string Name, Type Type)> Activities { get; } =
    [
        (DsrActivityNames.SendAcknowledgement, typeof(SendAcknowledgementActivity)),
        (DsrActivityNames.SendVerificationCode, typeof(SendVerificationCodeActivity)),
        (DsrActivityNames.AcknowledgeAndSendCode, typeof(AcknowledgeAndSendCodeActivity)),
        (DsrActivityNames.CloseUnverified, typeof(CloseUnverifiedActivity)),
        (DsrActivityNames.PlanFulfilment, typeof(PlanFulfilmentActivity)),
        (DsrActivityNames.ExecuteStoreAction, typeof(ExecuteStoreActionActivity)),
        (DsrActivityNames.ExecuteStoreActions, typeof(ExecuteStoreActionsActivity)),
        (DsrActivityNames.FinaliseRequest, typeof(FinaliseRequestActivity)),
        (DsrActivityNames.ListLedgeredErasures, typeof(ListLedgeredErasuresActivity)),
        (DsrActivityNames.ReapplyErasure, typeof(ReapplyErasureActivity)),
        (DsrActivityNames.RemindWaitingStore, typeof(RemindWaitingStoreActivity)),
        (DsrActivityNames.EscalateWaitingStore, typeof(EscalateWaitingStoreActivity)),
        (DsrActivityNames.RecordStoreConfirmation, typeof(RecordStoreConfirmationActivity)),
        (DsrActivityNames.AwaitApproval, typeof(AwaitApprovalActivity)),
        (DsrActivityNames.CloseDenied, typeof(CloseDeniedActivity)),
        (DsrActivityNames.SendDeadlineAlert, typeof(Deadlines.SendDeadlineAlertActivity)),
        (DsrActivityNames.RecordRerun, typeof(Fulfilment.Rerun.RecordRerunActivity)),
        (DsrActivityNames.ApplyRetention, typeof(Retention.Activities.ApplyRetentionActivity)),
        (DsrActivityNames.FinaliseIdentityRerun, typeof(FinaliseIdentityRerunActivity)),
        (DsrActivityNames.RecordWorkflowFailure, typeof(RecordWorkflowFailureActivity)),
        (DsrActivityNames.PurgeHistory, typeof(Recovery.PurgeHistoryActivity)),
        (DsrActivityNames.OpenAccessReview, typeof(Fulfilment.Access.OpenAccessReviewActivity)),
        (ClientFollowUp.RemindActivity, typeof(RemindClientsActivity)),
        (ClientFollowUp.EscalateActivity, typeof(EscalateClientsActivity)),
    ];
}

/// <summary>Registers the workflow's orchestrator and activities with a Durable Task worker (local engine, tests).</summary>
public static class DsrTaskRegistration
{
    public static DurableTaskRegistry AddDsrTasks(this DurableTaskRegistry registry)
    {
        foreach (var orchestrator in DsrTasks.Orchestrators)
        {
            registry.AddOrchestrator(orchestrator);
        }

        var add = typeof(DsrTaskRegistration).GetMethod(nameof(Add), BindingFlags.NonPublic | BindingFlags.Static)!;
        foreach (var (name, type) in DsrTasks.Activities)
        {
            var contract = type.GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDsrActivity<,>));
            add.MakeGenericMethod([type, .. contract.GetGenericArguments()]).Invoke(null, [registry, name]);
        }

        return registry;
    }

    /// <summary>Every activity class, for dependency injection.</summary>
    public static IServiceCollection AddDsrActivities(this IServiceCollection services)
    {
        foreach (var (_, type) in DsrTasks.Activities)
        {
            services.TryAddTransient(type);
        }

        return services;
    }

    private static void Add<TActivity, TInput, TOutput>(DurableTaskRegistry registry, string name)
        where TActivity : class, IDsrActivity<TInput, TOutput> =>
        registry.AddActivity(name, services => new ActivityBinding<TInput, TOutput>(name, ActivatorUtilities.GetServiceOrCreateInstance<TActivity>(services)));

    private sealed class ActivityBinding<TInput, TOutput>(string name, IDsrActivity<TInput, TOutput> activity) : TaskActivity<TInput, TOutput>
    {
        public override async Task<TOutput> RunAsync(TaskActivityContext context, TInput input)
        {
            using var span = DsrTelemetry.StartWorkflowActivity(name);
            using var step = StorageTransactions.Step(name);
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

namespace Comintech.Dsr.Workflow;

/// <summary>The registered names of the workflow's activities; both hosts register each under this name.</summary>
public static class DsrActivityNames
{
    public const string SendAcknowledgement = nameof(SendAcknowledgement);
    public const string SendVerificationCode = nameof(SendVerificationCode);
    public const string AcknowledgeAndSendCode = nameof(AcknowledgeAndSendCode);
    public const string CloseUnverified = nameof(CloseUnverified);
    public const string PlanFulfilment = nameof(PlanFulfilment);
    public const string ExecuteStoreAction = nameof(ExecuteStoreAction);
    public const string ExecuteStoreActions = nameof(ExecuteStoreActions);
    public const string FinaliseRequest = nameof(FinaliseRequest);
    public const string ListLedgeredErasures = nameof(ListLedgeredErasures);
    public const string ReapplyErasure = nameof(ReapplyErasure);
    public const string RemindWaitingStore = nameof(RemindWaitingStore);
    public const string EscalateWaitingStore = nameof(EscalateWaitingStore);
    public const string RecordStoreConfirmation = nameof(RecordStoreConfirmation);
    public const string AwaitApproval = nameof(AwaitApproval);
    public const string CloseDenied = nameof(CloseDenied);
    public const string SendDeadlineAlert = nameof(SendDeadlineAlert);
    public const string RecordRerun = nameof(RecordRerun);
    public const string FinaliseIdentityRerun = nameof(FinaliseIdentityRerun);
    public const string ApplyRetention = nameof(ApplyRetention);
    public const string RecordWorkflowFailure = nameof(RecordWorkflowFailure);
    public const string PurgeHistory = nameof(PurgeHistory);
    public const string OpenAccessReview = nameof(OpenAccessReview);
}

/// <summary>The body of one activity, host-neutral: the hosts bind it to their trigger.</summary>
public interface IDsrActivity<TInput, TOutput>
{
    Task<TOutput> RunAsync(TInput input, CancellationToken cancellationToken);
}

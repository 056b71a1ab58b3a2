using Comintech.Dsr.Connectors;
using Comintech.Dsr.Fulfilment.Activities;

namespace Comintech.Dsr.Functions.Fulfilment;

/// <summary>
/// Binds each shared activity to an activity trigger under its registered name. The bodies live in the core
/// library; these methods only hand the input over.
/// </summary>
public sealed class DsrActivityFunctions(
    SendAcknowledgementActivity acknowledgement,
    SendVerificationCodeActivity verificationCode,
    AcknowledgeAndSendCodeActivity acknowledgementWithCode,
    CloseUnverifiedActivity closeUnverified,
    PlanFulfilmentActivity plan,
    ExecuteStoreActionActivity executeStoreAction,
    ExecuteStoreActionsActivity executeStoreActions,
    FinaliseRequestActivity finalise,
    ListLedgeredErasuresActivity listLedgeredErasures,
    ReapplyErasureActivity reapplyErasure,
    RemindWaitingStoreActivity remindWaitingStore,
    EscalateWaitingStoreActivity escalateWaitingStore,
    RecordStoreConfirmationActivity recordStoreConfirmation,
    AwaitApprovalActivity awaitApproval,
    CloseDeniedActivity closeDenied,
    SendDeadlineAlertActivity deadlineAlert,
    RecordRerunActivity recordRerun,
    RecordWorkflowFailureActivity recordWorkflowFailure,
    Dsr.Fulfilment.Access.OpenAccessReviewActivity openAccessReview)
{
    [Function(DsrActivityNames.OpenAccessReview)]
    public Task<bool> OpenAccessReview([ActivityTrigger] FinaliseInput input, CancellationToken cancellationToken) =>
        openAccessReview.RunAsync(input, cancellationToken);

    [Function(DsrActivityNames.SendAcknowledgement)]
    public Task<bool> SendAcknowledgement([ActivityTrigger] string requestId, CancellationToken cancellationToken) =>
        acknowledgement.RunAsync(requestId, cancellationToken);

    [Function(DsrActivityNames.SendVerificationCode)]
    public Task<bool> SendVerificationCode([ActivityTrigger] SendCodeInput input, CancellationToken cancellationToken) =>
        verificationCode.RunAsync(input, cancellationToken);

    [Function(DsrActivityNames.AcknowledgeAndSendCode)]
    public Task<bool> AcknowledgeAndSendCode([ActivityTrigger] string requestId, CancellationToken cancellationToken) =>
        acknowledgementWithCode.RunAsync(requestId, cancellationToken);

    [Function(DsrActivityNames.CloseUnverified)]
    public Task<bool> CloseUnverified([ActivityTrigger] string requestId, CancellationToken cancellationToken) =>
        closeUnverified.RunAsync(requestId, cancellationToken);

    [Function(DsrActivityNames.PlanFulfilment)]
    public Task<FulfilmentPlan> PlanFulfilment([ActivityTrigger] string requestId, CancellationToken cancellationToken) =>
        plan.RunAsync(requestId, cancellationToken);

    [Function(DsrActivityNames.ExecuteStoreAction)]
    public Task<ConnectorOutcome> ExecuteStoreAction([ActivityTrigger] StoreActionInput input, CancellationToken cancellationToken) =>
        executeStoreAction.RunAsync(input, cancellationToken);

    [Function(DsrActivityNames.ExecuteStoreActions)]
    public Task<StoreBatchResult> ExecuteStoreActions([ActivityTrigger] StoreBatchInput input, CancellationToken cancellationToken) =>
        executeStoreActions.RunAsync(input, cancellationToken);

    [Function(DsrActivityNames.FinaliseRequest)]
    public Task<bool> FinaliseRequest([ActivityTrigger] FinaliseInput input, CancellationToken cancellationToken) =>
        finalise.RunAsync(input, cancellationToken);

    [Function(DsrActivityNames.ListLedgeredErasures)]
    public Task<RestorePlan> ListLedgeredErasures([ActivityTrigger] RestoreInput input, CancellationToken cancellationToken) =>
        listLedgeredErasures.RunAsync(input, cancellationToken);

    [Function(DsrActivityNames.ReapplyErasure)]
    public Task<ConnectorOutcome> ReapplyErasure([ActivityTrigger] ReapplyInput input, CancellationToken cancellationToken) =>
        reapplyErasure.RunAsync(input, cancellationToken);

    [Function(DsrActivityNames.RemindWaitingStore)]
    public Task<bool> RemindWaitingStore([ActivityTrigger] StoreWaitInput input, CancellationToken cancellationToken) =>
        remindWaitingStore.RunAsync(input, cancellationToken);

    [Function(DsrActivityNames.EscalateWaitingStore)]
    public Task<ConnectorOutcome> EscalateWaitingStore([ActivityTrigger] StoreWaitInput input, CancellationToken cancellationToken) =>
        escalateWaitingStore.RunAsync(input, cancellationToken);

    [Function(DsrActivityNames.RecordStoreConfirmation)]
    public Task<ConnectorOutcome> RecordStoreConfirmation([ActivityTrigger] StoreConfirmedInput input, CancellationToken cancellationToken) =>
        recordStoreConfirmation.RunAsync(input, cancellationToken);

    [Function(DsrActivityNames.AwaitApproval)]
    public Task<bool> AwaitApproval([ActivityTrigger] string requestId, CancellationToken cancellationToken) =>
        awaitApproval.RunAsync(requestId, cancellationToken);

    [Function(DsrActivityNames.CloseDenied)]
    public Task<bool> CloseDenied([ActivityTrigger] string requestId, CancellationToken cancellationToken) =>
        closeDenied.RunAsync(requestId, cancellationToken);

    [Function(DsrActivityNames.SendDeadlineAlert)]
    public Task<bool> SendDeadlineAlert([ActivityTrigger] DeadlineAlertInput input, CancellationToken cancellationToken) =>
        deadlineAlert.RunAsync(input, cancellationToken);

    [Function(DsrActivityNames.RecordRerun)]
    public Task<RequestStatus> RecordRerun([ActivityTrigger] RecordRerunInput input, CancellationToken cancellationToken) =>
        recordRerun.RunAsync(input, cancellationToken);

    [Function(DsrActivityNames.RecordWorkflowFailure)]
    public Task<bool> RecordWorkflowFailure([ActivityTrigger] WorkflowFailureInput input, CancellationToken cancellationToken) =>
        recordWorkflowFailure.RunAsync(input, cancellationToken);
}

namespace Comintech.Dsr.Evidence;

/// <summary>The event types written to the evidence ledger.</summary>
public static class EvidenceEvents
{
    public const string Received = "request.received";
    public const string AcknowledgementSent = "acknowledgement.sent";
    public const string VerificationSent = "verification.sent";
    public const string VerificationSucceeded = "verification.succeeded";
    public const string VerificationFailed = "verification.failed";
    public const string VerificationLocked = "verification.locked";
    public const string VerificationExpired = "verification.expired";
    public const string IdentityNotVerified = "verification.not-verified";
    public const string StoreOutcome = "store.outcome";
    public const string CorrectionApplied = "correction.applied";
    public const string StoreReapplied = "store.reapplied";
    public const string StoreConfirmed = "store.confirmed";
    public const string StoreEscalated = "store.escalated";
    public const string FinalNoticeSent = "final-notice.sent";
    public const string AccessPackagePublished = "access-package.published";
    public const string Completed = "request.completed";
    public const string WorkflowFailed = "workflow.failed";
    public const string WorkflowRestarted = "workflow.restarted";
    public const string Reconciled = "request.reconciled";
    public const string InboundMessage = "inbound.message";
    public const string InboundLinked = "inbound.linked";
    public const string Classified = "request.classified";
    public const string DeadlineExtended = "deadline.extended";
    public const string ApprovalRequested = "approval.requested";
    public const string ApprovalGranted = "approval.granted";
    public const string ApprovalDenied = "approval.denied";
    public const string DenialNoticeSent = "denial-notice.sent";
    public const string Denied = "request.denied";
    public const string DeadlineReminder = "deadline.reminder";
    public const string DeadlineEscalated = "deadline.escalated";
    public const string DeadlinePaused = "deadline.paused-for-identity";

    /// <summary>Requested fields no store corrects automatically (names only), handed to staff as one manual step.</summary>
    public const string ManualCorrectionsPlanned = "correction.manual-step-planned";
}

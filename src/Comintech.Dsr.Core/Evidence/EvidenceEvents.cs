namespace Comintech.Dsr.Evidence;

/// <summary>The event types written to the evidence ledger; each has one record in <c>Evidence/Events</c> (its details schema).</summary>
public static class EvidenceEvents
{
    public const string Received = "request.received";
    public const string AcknowledgementSent = "acknowledgement.sent";
    public const string VerificationSent = "verification.sent";
    public const string VerificationHeld = "verification.held";
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

    /// <summary>An access package waits for staff review (the stores' outcomes are in the store evidence).</summary>
    public const string AccessReviewOpened = "access-review.opened";

    /// <summary>Staff took one item out of a package: the store and the item's key (the reason is in the audit log).</summary>
    public const string AccessReviewItemRemoved = "access-review.item-removed";

    /// <summary>Staff released a reviewed package: how many items they removed.</summary>
    public const string AccessReviewReleased = "access-review.released";
    public const string Completed = "request.completed";
    public const string WorkflowFailed = "workflow.failed";
    public const string WorkflowRestarted = "workflow.restarted";
    public const string Reconciled = "request.reconciled";
    public const string InboundMessage = "inbound.message";
    public const string InboundLinked = "inbound.linked";
    public const string InboxAcknowledged = "inbox.acknowledged";
    public const string Classified = "request.classified";
    public const string DeadlineExtended = "deadline.extended";
    public const string ApprovalRequested = "approval.requested";
    public const string ApprovalGranted = "approval.granted";
    public const string ApprovalDenied = "approval.denied";
    public const string DenialNoticeSent = "denial-notice.sent";
    public const string Denied = "request.denied";
    public const string Refused = "request.refused";
    public const string StoresRefused = "stores.refused";
    public const string RefusedStoresSkipped = "stores.refused-skipped";
    public const string VerificationNotRequired = "verification.not-required";
    public const string RecipientNotified = "recipient.notified";
    public const string RecipientTaskOpened = "recipient.staff-task";
    public const string RecipientNotNotified = "recipient.legal-demand-only";
    public const string DeadlineReminder = "deadline.reminder";
    public const string DeadlineEscalated = "deadline.escalated";
    public const string DeadlinePaused = "deadline.paused-for-identity";

    /// <summary>Which tier the person reached and how the account id (if any) was bound; no identifier in clear.</summary>
    public const string IdentityResolved = "identity.resolved";

    /// <summary>An identifier the person gave was not bound to them and is not searched (its keyed hash and the reason).</summary>
    public const string IdentityUnbound = "identity.unbound";

    /// <summary>An account id bound later at tier 2 (control-panel link, staff), with its keyed hash.</summary>
    public const string IdentityBound = "identity.bound";

    /// <summary>The stores found by account were run again for an account bound after fulfilment.</summary>
    public const string IdentityRerunCompleted = "identity.rerun-completed";

    /// <summary>The retention policy removed a request's identifiers (which columns, why); keyed hashes stay.</summary>
    public const string IdentifiersRemoved = "retention.identifiers-removed";

    /// <summary>The retention policy (or a later deletion request) removed a request's working copies: kinds and counts.</summary>
    public const string CopiesRemoved = "retention.copies-removed";

    /// <summary>Requested fields no store corrects automatically (names only), handed to staff as one manual step.</summary>
    public const string ManualCorrectionsPlanned = "correction.manual-step-planned";
}

using Comintech.Dsr.Domain;
using Comintech.Dsr.Evidence.Events;
using Comintech.Dsr.Identity;

namespace Comintech.Dsr.Core.Tests.Evidence;

/// <summary>The idempotency keys of evidence links stay as they were: a re-run of an in-flight workflow must find its link.</summary>
public sealed class EvidenceKeySnapshotTests
{
    public static TheoryData<string, string> Keys() => new()
    {
        { RequestReceived.Key.Value, "received" },
        { AcknowledgementSent.Key.Value, "ack" },
        { RequestClassified.Key.Value, "classified" },
        { InboxAcknowledged.Key.Value, "inbox-ack" },
        { InboundMailEvidence.Key("mk1").Value, "inbound-mk1" },
        { VerificationSent.Key(2).Value, "code-2" },
        { VerificationHeld.Key(2).Value, "code-2-held" },
        { VerificationSucceeded.Key.Value, "verified" },
        { IdentityNotVerified.Key.Value, "not-verified" },
        { VerificationNotRequired.Key.Value, "verification-not-required" },
        { IdentityResolved.Key.Value, "identity" },
        { IdentityUnbound.Key.Value, "identity-unbound" },
        { IdentityBound.Key(BindingSource.ControlPanel, "0123456789abcdef0123").Value, "identity-bound:ControlPanel:0123456789abcdef" },
        { IdentityRerunCompleted.Key("run1").Value, "identity-rerun:run1" },
        { StoreOutcomeEvidence.Key("r1.crm.Erase").Value, "store:r1.crm.Erase" },
        { StoreOutcomeRecorded.RerunKey("rr1").Value, "rerun:rr1" },
        { CorrectionApplied.Key("r1.crm.Rectify").Value, "corrected:r1.crm.Rectify" },
        { ManualCorrectionsPlanned.Key.Value, "manual-corrections" },
        { RefusedStoresSkipped.Key.Value, "refused-stores-skipped" },
        { ClientForwarded.Key("hosting", "c7").Value, "client-forwarded:hosting.c7" },
        { ClientReminded.Key("hosting", "c7", 2).Value, "client-reminded:hosting.c7.2" },
        { ClientEscalated.Key("hosting", "c7").Value, "client-escalated:hosting.c7" },
        { ClientAnswered.Key("hosting", "c7").Value, "client-answered:hosting.c7" },
        { FinalNoticeSent.Key.Value, "final-notice" },
        { AccessPackagePublished.Key.Value, "access-package" },
        { AccessPackagePublished.IdentityRerunKey("run1").Value, "access-package:identity-run1" },
        { RequestCompleted.Key.Value, "completed" },
        { RequestCompleted.AfterRerunKey("rr1").Value, "completed-after-rerun:rr1" },
        { AccessReviewOpened.Key.Value, "access-review-opened" },
        { AccessReviewItemRemoved.Key("crm", "item-3").Value, "access-review-removed.crm.item-3" },
        { AccessReviewReleased.Key.Value, "access-review-released" },
        { ApprovalRequested.Key.Value, "approval-requested" },
        { ApprovalGranted.Key.Value, "approval-decision" },
        { DenialNoticeSent.Key.Value, "denial-notice" },
        { RequestDenied.Key.Value, "denied" },
        { RequestRefused.Key.Value, "refused" },
        { StoresRefused.Key(["billing", "crm"]).Value, "stores-refused-44c827c793aae5d7" },
        { DeadlineExtended.Key.Value, "deadline-extended" },
        { DeadlinePaused.Key.Value, "identity-wait" },
        { DeadlineAlert.Key("overdue-20261230").Value, "deadline-overdue-20261230" },
        { RecipientEvidence.Key("crm-vendor").Value, "recipient-crm-vendor" },
        { WorkflowFailed.Key(2).Value, "workflow-failed-2" },
        { WorkflowRestarted.Key(null).Value, "workflow-restarted-0" },
        { RequestReconciled.StartedKey.Value, "reconciled:started" },
        { RequestReconciled.ClosedKey(RequestStatus.Completed).Value, "reconciled:closed-Completed" },
        { IdentifiersRemoved.Key.Value, "retention:identifiers" },
        { CopiesRemoved.ClosedKey.Value, "retention:copies" },
        { CopiesRemoved.PackageExpiredKey.Value, "retention:package-expired" },
    };

    [Theory]
    [MemberData(nameof(Keys))]
    public void A_key_is_the_string_it_always_was(string key, string expected) => Assert.Equal(expected, key);

    [Fact]
    public void Keys_of_repeatable_failures_are_new_each_time_and_a_decision_has_one_key()
    {
        Assert.Equal(ApprovalGranted.Key, ApprovalDenied.Key);
        Assert.NotEqual(VerificationFailed.Key(), VerificationFailed.Key());
        Assert.StartsWith("verify-failed-", VerificationFailed.Key().Value, StringComparison.Ordinal);
        Assert.StartsWith("verify-locked-", VerificationLocked.Key().Value, StringComparison.Ordinal);
        Assert.StartsWith("verify-expired-", VerificationExpired.Key().Value, StringComparison.Ordinal);
    }
}

using System.Globalization;
using System.Text.Json;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Connectors.ProcessorRouting;
using Comintech.Dsr.Deadlines;
using Comintech.Dsr.Recipients;

namespace Comintech.Dsr.Evidence.Events;

/// <summary>
/// Reads a stored link back into its event record (by its event type), so staff views and reports can say what happened
/// in a sentence (<see cref="EvidenceEvent.Describe"/>) instead of showing JSON.
/// </summary>
public static class EvidenceEventReader
{
    private static readonly Dictionary<string, Func<EvidenceRecord, EvidenceEvent?>> Readers = new(StringComparer.Ordinal)
    {
        [EvidenceEvents.Received] = Json<RequestReceived>,
        [EvidenceEvents.AcknowledgementSent] = Json<AcknowledgementSent>,
        [EvidenceEvents.Classified] = Json<RequestClassified>,
        [EvidenceEvents.InboxAcknowledged] = Json<InboxAcknowledged>,
        [EvidenceEvents.InboundMessage] = Json<InboundMessageReceived>,
        [EvidenceEvents.InboundLinked] = Json<InboundMessageLinked>,
        [EvidenceEvents.VerificationSent] = Json<VerificationSent>,
        [EvidenceEvents.VerificationHeld] = Json<VerificationHeld>,
        [EvidenceEvents.VerificationSucceeded] = Json<VerificationSucceeded>,
        [EvidenceEvents.VerificationFailed] = Json<VerificationFailed>,
        [EvidenceEvents.VerificationLocked] = Json<VerificationLocked>,
        [EvidenceEvents.VerificationExpired] = Json<VerificationExpired>,
        [EvidenceEvents.IdentityNotVerified] = Json<IdentityNotVerified>,
        [EvidenceEvents.VerificationNotRequired] = Json<VerificationNotRequired>,
        [EvidenceEvents.IdentityResolved] = Json<IdentityResolved>,
        [EvidenceEvents.IdentityUnbound] = Json<IdentityUnbound>,
        [EvidenceEvents.IdentityBound] = Json<IdentityBound>,
        [EvidenceEvents.IdentityRerunCompleted] = Json<IdentityRerunCompleted>,
        [EvidenceEvents.StoreOutcome] = r => Outcome(r) is { } o ? new StoreOutcomeRecorded(o) : null,
        [EvidenceEvents.StoreReapplied] = r => Outcome(r) is { } o ? new StoreReapplied(o) : null,
        [EvidenceEvents.StoreConfirmed] = r => Outcome(r) is { } o ? new StoreConfirmed(o) : null,
        [EvidenceEvents.StoreEscalated] = r => Outcome(r) is { } o ? new StoreEscalated(o) : null,
        [EvidenceEvents.CorrectionApplied] = Json<CorrectionApplied>,
        [EvidenceEvents.ManualCorrectionsPlanned] = Json<ManualCorrectionsPlanned>,
        [EvidenceEvents.RefusedStoresSkipped] = Json<RefusedStoresSkipped>,
        [ClientEvidence.Forwarded] = Json<ClientForwarded>,
        [ClientEvidence.Reminded] = Json<ClientReminded>,
        [ClientEvidence.Escalated] = Json<ClientEscalated>,
        [ClientEvidence.Answered] = Json<ClientAnswered>,
        [EvidenceEvents.FinalNoticeSent] = Json<FinalNoticeSent>,
        [EvidenceEvents.AccessPackagePublished] = Json<AccessPackagePublished>,
        [EvidenceEvents.Completed] = Json<RequestCompleted>,
        [EvidenceEvents.AccessReviewOpened] = Json<AccessReviewOpened>,
        [EvidenceEvents.AccessReviewItemRemoved] = Json<AccessReviewItemRemoved>,
        [EvidenceEvents.AccessReviewReleased] = Json<AccessReviewReleased>,
        [EvidenceEvents.ApprovalRequested] = Json<ApprovalRequested>,
        [EvidenceEvents.ApprovalGranted] = Json<ApprovalGranted>,
        [EvidenceEvents.ApprovalDenied] = Json<ApprovalDenied>,
        [EvidenceEvents.DenialNoticeSent] = Json<DenialNoticeSent>,
        [EvidenceEvents.Denied] = Json<RequestDenied>,
        [EvidenceEvents.Refused] = Json<RequestRefused>,
        [EvidenceEvents.StoresRefused] = Json<StoresRefused>,
        [EvidenceEvents.DeadlineExtended] = Json<DeadlineExtended>,
        [EvidenceEvents.DeadlinePaused] = Json<DeadlinePaused>,
        [EvidenceEvents.DeadlineReminder] = r => Alert(r, DeadlineAlertKind.Reminder),
        [EvidenceEvents.DeadlineEscalated] = r => Alert(r, DeadlineAlertKind.Overdue),
        [EvidenceEvents.RecipientNotified] = r => Notice(r) is { } n ? new RecipientNotified(n) : null,
        [EvidenceEvents.RecipientTaskOpened] = r => Notice(r) is { } n ? new RecipientTaskOpened(n) : null,
        [EvidenceEvents.RecipientNotNotified] = r => Notice(r) is { } n ? new RecipientNotNotified(n) : null,
        [EvidenceEvents.WorkflowFailed] = Json<WorkflowFailed>,
        [EvidenceEvents.WorkflowRestarted] = Json<WorkflowRestarted>,
        [EvidenceEvents.Reconciled] = Json<RequestReconciled>,
        [EvidenceEvents.IdentifiersRemoved] = Json<IdentifiersRemoved>,
        [EvidenceEvents.CopiesRemoved] = Json<CopiesRemoved>,
    };

    /// <summary>The event types this reader knows (every type the ledger is given).</summary>
    public static IReadOnlyCollection<string> EventTypes => Readers.Keys;

    /// <summary>The link as its event record; null for a type this version does not know or details it cannot read.</summary>
    public static EvidenceEvent? Read(EvidenceRecord record)
    {
        try
        {
            return Readers.TryGetValue(record.EventType, out var read) ? read(record) : null;
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or FormatException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>The link in one sentence, or its event type when it cannot be read.</summary>
    public static string Describe(EvidenceRecord record) => Read(record)?.Describe() ?? record.EventType;

    private static T? Json<T>(EvidenceRecord record)
        where T : EvidenceEvent => JsonSerializer.Deserialize<T>(record.Details, EvidenceLedger.JsonOptions);

    private static ConnectorOutcome? Outcome(EvidenceRecord record) => JsonSerializer.Deserialize<ConnectorOutcome>(record.Details, EvidenceLedger.JsonOptions);

    private static RecipientNotice? Notice(EvidenceRecord record) => JsonSerializer.Deserialize<RecipientNotice>(record.Details, EvidenceLedger.JsonOptions);

    private static DeadlineAlert? Alert(EvidenceRecord record, DeadlineAlertKind kind)
    {
        var details = JsonSerializer.Deserialize<AlertDetails>(record.Details, EvidenceLedger.JsonOptions);
        if (details is null)
        {
            return null;
        }

        var alert = new DeadlineAlertInput(record.RequestId, kind, details.DueAt, TimeSpan.Parse(details.Before, CultureInfo.InvariantCulture));
        return DeadlineAlert.For(alert, details.Notified);
    }

    private sealed record AlertDetails(DateTime DueAt, string Before, bool Notified);
}

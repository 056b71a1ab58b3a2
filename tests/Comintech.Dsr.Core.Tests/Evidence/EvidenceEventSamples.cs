using Comintech.Dsr.Connectors;
using Comintech.Dsr.Deadlines;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.Evidence.Events;
using Comintech.Dsr.Identity;
using Comintech.Dsr.Recipients;

namespace Comintech.Dsr.Core.Tests.Evidence;

/// <summary>
/// One or more sample of each evidence event with the exact details JSON it is written as. The JSON was taken from the
/// anonymous objects the ledger was given before the events were typed, so a chain written then reads the same now.
/// </summary>
internal static class EvidenceEventSamples
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 12, 0, 0, 123, TimeSpan.Zero);
    private static readonly DateTimeOffset Due = new(2026, 12, 30, 23, 59, 59, TimeSpan.Zero);
    private static readonly DateTime DueUtc = new(2026, 12, 30, 23, 59, 59, DateTimeKind.Utc);
    private static readonly ConnectorOutcome Outcome = new("crm", ConnectorAction.Erase, OutcomeKind.Done, 3, 2, "Erased 2 of 3 records.", null, At);
    private static readonly ConnectorOutcome Failed = new("billing", ConnectorAction.Erase, OutcomeKind.Failed, 0, 0, "Timed out.", null, At);
    private static readonly RecipientNotice Notice = new("crm-vendor", "CRM Vendor Ltd", "webhook", ["crm"]);

    /// <summary>Every event type at least once, with the details JSON its link holds.</summary>
    public static IEnumerable<(EvidenceEvent Event, string Json)> All()
    {
        yield return (new RequestReceived("deletion", IntakeChannel.Web, Jurisdiction.GDPR, At, Due, ["email"], false, RequestStatus.Received, null, null),
            """{"type":"deletion","channel":"Web","jurisdiction":"GDPR","receivedAt":"2026-11-30T12:00:00.123+00:00","dueAt":"2026-12-30T23:59:59+00:00","correctedFields":["email"],"controlPanelLink":false,"status":"Received","suggestedClassification":null,"globalPrivacyControl":null}""");
        yield return (new RequestReceived(null, IntakeChannel.Email, Jurisdiction.CCPA, At, Due, [], true, RequestStatus.NeedsTriage, "optout", true),
            """{"type":null,"channel":"Email","jurisdiction":"CCPA","receivedAt":"2026-11-30T12:00:00.123+00:00","dueAt":"2026-12-30T23:59:59+00:00","correctedFields":[],"controlPanelLink":true,"status":"NeedsTriage","suggestedClassification":"optout","globalPrivacyControl":true}""");
        yield return (new AcknowledgementSent("r1.ack", Due),
            """{"message":"r1.ack","dueAt":"2026-12-30T23:59:59+00:00"}""");
        yield return (new RequestClassified("correction", "unclear", ["email", "name"]),
            """{"type":"correction","suggestedClassification":"unclear","correctedFields":["email","name"]}""");
        yield return (new InboxAcknowledged("r1.inbox-ack", "de"),
            """{"message":"r1.inbox-ack","language":"de"}""");
        yield return (Inbound<InboundMessageReceived>(),
            """{"path":"sendgrid","messageKey":"mk1","rawBlob":"inbound/mk1.eml","hasMessageId":true,"receivedAt":"2026-11-30T12:00:00.123+00:00","receiptSource":"received-header","arrivedAt":"2026-12-30T23:59:59+00:00","classification":"deletion","suggestedClassification":"deletion","confidence":0.877,"classifiedBy":"rules","language":"en","attachments":1,"spf":"pass","dkim":"none-reported","dmarc":"fail"}""");
        yield return (Inbound<InboundMessageLinked>(),
            """{"path":"sendgrid","messageKey":"mk1","rawBlob":"inbound/mk1.eml","hasMessageId":true,"receivedAt":"2026-11-30T12:00:00.123+00:00","receiptSource":"received-header","arrivedAt":"2026-12-30T23:59:59+00:00","classification":"deletion","suggestedClassification":"deletion","confidence":0.877,"classifiedBy":"rules","language":"en","attachments":1,"spf":"pass","dkim":"none-reported","dmarc":"fail"}""");
        yield return (new VerificationSent(2, "r1.code-2", 30),
            """{"issue":2,"message":"r1.code-2","ttlMinutes":30}""");
        yield return (new VerificationSent(1, "r1.code-1", 22.5),
            """{"issue":1,"message":"r1.code-1","ttlMinutes":22.5}""");
        yield return (VerificationHeld.DailyCap(3),
            """{"issue":3,"reason":"daily-code-mail-cap"}""");
        yield return (VerificationSucceeded.ByCode,
            """{"channel":"code"}""");
        yield return (VerificationSucceeded.BySmokeKey,
            """{"channel":"smoke-key"}""");
        yield return (new VerificationFailed(4),
            """{"attemptsLeft":4}""");
        yield return (new VerificationLocked(),
            """{}""");
        yield return (new VerificationExpired(),
            """{}""");
        yield return (new IdentityNotVerified("r1.not-verified"),
            """{"message":"r1.not-verified"}""");
        yield return (VerificationNotRequired.OptOut,
            """{"basis":"CCPA regulations \u00A77026(d): an opt-out of sale/sharing is not verified"}""");
        var bound = new IdentityState(IdentityTier.StrongProof, "acct-1", BindingSource.ControlPanel, null);
        yield return (IdentityResolved.From(bound, true, true),
            """{"tier":2,"method":"e-mail code \u002B control-panel link","accountIdGiven":true,"accountBound":true,"boundBy":"ControlPanel","tier2Required":true}""");
        yield return (IdentityResolved.From(IdentityState.EmailOnly, false, false),
            """{"tier":1,"method":"e-mail code","accountIdGiven":false,"accountBound":false,"boundBy":null,"tier2Required":false}""");
        yield return (IdentityUnbound.AccountId("ab12", UnboundReason.NotLinked),
            """{"identifier":"accountId","valueHash":"ab12","reason":"NotLinked"}""");
        yield return (IdentityBound.AccountId(IdentityTier.StrongProof, BindingSource.Staff, "cd34"),
            """{"tier":2,"boundBy":"Staff","identifier":"accountId","valueHash":"cd34"}""");
        yield return (new IdentityRerunCompleted("run1", StoreTally.Of([Outcome, Failed]), "r1.identity-update"),
            """{"run":"run1","stores":[{"storeId":"crm","kind":"Done","recordsAffected":2},{"storeId":"billing","kind":"Failed","recordsAffected":0}],"notice":"r1.identity-update"}""");
        yield return (new StoreOutcomeRecorded(Outcome),
            """{"storeId":"crm","action":"Erase","kind":"Done","recordsFound":3,"recordsAffected":2,"note":"Erased 2 of 3 records.","artifactPath":null,"completedAt":"2026-11-30T12:00:00.123+00:00"}""");
        yield return (new StoreOutcomeRecorded(Outcome with { ArtifactPath = "exports/r1/crm.json", Note = null }),
            """{"storeId":"crm","action":"Erase","kind":"Done","recordsFound":3,"recordsAffected":2,"note":null,"artifactPath":"exports/r1/crm.json","completedAt":"2026-11-30T12:00:00.123+00:00"}""");
        yield return (new StoreReapplied(Outcome),
            """{"storeId":"crm","action":"Erase","kind":"Done","recordsFound":3,"recordsAffected":2,"note":"Erased 2 of 3 records.","artifactPath":null,"completedAt":"2026-11-30T12:00:00.123+00:00"}""");
        yield return (new StoreConfirmed(Outcome),
            """{"storeId":"crm","action":"Erase","kind":"Done","recordsFound":3,"recordsAffected":2,"note":"Erased 2 of 3 records.","artifactPath":null,"completedAt":"2026-11-30T12:00:00.123+00:00"}""");
        yield return (new StoreEscalated(Failed),
            """{"storeId":"billing","action":"Erase","kind":"Failed","recordsFound":0,"recordsAffected":0,"note":"Timed out.","artifactPath":null,"completedAt":"2026-11-30T12:00:00.123+00:00"}""");
        yield return (new CorrectionApplied("crm", [new CorrectedField("email", "EmailAddress", "ef56"), new CorrectedField("name", null, "0a1b")]),
            """{"storeId":"crm","fields":[{"field":"email","storeField":"EmailAddress","newValueHash":"ef56"},{"field":"name","storeField":null,"newValueHash":"0a1b"}]}""");
        yield return (new ManualCorrectionsPlanned(["nickname"]),
            """{"fields":["nickname"]}""");
        yield return (new RefusedStoresSkipped(["billing", "crm"]),
            """{"stores":["billing","crm"]}""");
        yield return (new ClientForwarded("hosting", "client-7", "webhook", 2),
            """{"storeId":"hosting","clientId":"client-7","channel":"webhook","basis":"GDPR Art. 28(3)(e)","found":2}""");
        yield return (new ClientReminded("hosting", "client-7", 2),
            """{"storeId":"hosting","clientId":"client-7","reminder":2}""");
        yield return (new ClientEscalated("hosting", "client-7", 3),
            """{"storeId":"hosting","clientId":"client-7","reminders":3}""");
        yield return (new ClientAnswered("hosting", "client-7", OutcomeKind.Done, 5),
            """{"storeId":"hosting","clientId":"client-7","outcome":"Done","recordsAffected":5}""");
        yield return (new FinalNoticeSent("r1.final"),
            """{"message":"r1.final"}""");
        yield return (new AccessPackagePublished("r1/package.zip", Due, 4),
            """{"blob":"r1/package.zip","linkExpiresAt":"2026-12-30T23:59:59+00:00","stores":4}""");
        yield return (new AccessPackagePublished("r1/package.zip", Due, 4, "run1"),
            """{"blob":"r1/package.zip","linkExpiresAt":"2026-12-30T23:59:59+00:00","stores":4,"identityRun":"run1"}""");
        yield return (RequestCompleted.Finalised(RequestStatus.CompletedWithExceptions, [Outcome, Failed]),
            """{"status":"CompletedWithExceptions","stores":[{"storeId":"crm","kind":"Done","recordsAffected":2},{"storeId":"billing","kind":"Failed","recordsAffected":0}],"failedStores":["billing"]}""");
        yield return (RequestCompleted.AfterRerun("billing"),
            """{"status":"Completed","afterRerunOf":"billing"}""");
        yield return (new AccessReviewOpened(StoreFound.Of([Outcome])),
            """{"stores":[{"storeId":"crm","kind":"Done","recordsFound":3}]}""");
        // Since 2026-12: a keyed reference to the item ("itemRef"); links written before hold the item's plain digest as "item".
        yield return (new AccessReviewItemRemoved("crm", "5be0c7a19d2e43f86a01"),
            """{"storeId":"crm","itemRef":"5be0c7a19d2e43f86a01"}""");
        yield return (new AccessReviewReleased(2),
            """{"removed":2}""");
        yield return (new ApprovalRequested(),
            """{}""");
        yield return (new ApprovalGranted(),
            """{}""");
        yield return (new ApprovalDenied(),
            """{}""");
        yield return (new DenialNoticeSent("r1.denial"),
            """{"message":"r1.denial"}""");
        yield return (new RequestDenied(),
            """{"status":"Denied"}""");
        yield return (new RequestRefused(RequestStatus.AwaitingApproval),
            """{"scope":"request","stage":"AwaitingApproval"}""");
        yield return (new StoresRefused(["billing", "crm"], RequestStatus.Received),
            """{"scope":"stores","stores":["billing","crm"],"stage":"Received"}""");
        yield return (new DeadlineExtended(At, Due, "r1.extension"),
            """{"previousDueAt":"2026-11-30T12:00:00.123+00:00","dueAt":"2026-12-30T23:59:59+00:00","notice":"r1.extension"}""");
        yield return (new DeadlinePaused(Math.Round(3.4567, 2), At, Due),
            """{"waitedDays":3.46,"previousDueAt":"2026-11-30T12:00:00.123+00:00","dueAt":"2026-12-30T23:59:59+00:00"}""");
        yield return (new DeadlineReminder(new DeadlineAlertInput("r1", DeadlineAlertKind.Reminder, DueUtc, TimeSpan.FromDays(7)), true),
            """{"dueAt":"2026-12-30T23:59:59Z","before":"7.00:00:00","notified":true}""");
        yield return (new DeadlineEscalated(new DeadlineAlertInput("r1", DeadlineAlertKind.Overdue, DueUtc, TimeSpan.Zero), false),
            """{"dueAt":"2026-12-30T23:59:59Z","before":"00:00:00","notified":false}""");
        yield return (new RecipientNotified(Notice),
            """{"recipientId":"crm-vendor","recipient":"CRM Vendor Ltd","channel":"webhook","stores":["crm"],"note":null}""");
        yield return (new RecipientTaskOpened(Notice with { Channel = "staff-task", Note = "No webhook or address in the data map." }),
            """{"recipientId":"crm-vendor","recipient":"CRM Vendor Ltd","channel":"staff-task","stores":["crm"],"note":"No webhook or address in the data map."}""");
        yield return (new RecipientNotNotified(Notice with { Channel = "none", Note = "Receives data only on a legal demand; not notified." }),
            """{"recipientId":"crm-vendor","recipient":"CRM Vendor Ltd","channel":"none","stores":["crm"],"note":"Receives data only on a legal demand; not notified."}""");
        // Since 2026-12 the reason is the exception's type and a fixed code (FailureReason), never the exception's message.
        yield return (new WorkflowFailed("ExecuteStoreAction", "Comintech.Dsr.Connectors.ConnectorException: step-failed", 1),
            """{"step":"ExecuteStoreAction","reason":"Comintech.Dsr.Connectors.ConnectorException: step-failed","failure":1}""");
        yield return (new WorkflowRestarted(1, "ExecuteStoreAction", true, EvidenceEvents.ApprovalGranted.Name),
            """{"failure":1,"step":"ExecuteStoreAction","verified":true,"approval":"approval.granted"}""");
        yield return (new WorkflowRestarted(null, null, false, null),
            """{"failure":null,"step":null,"verified":false,"approval":null}""");
        yield return (RequestReconciled.Started,
            """{"action":"started","reason":"stored but its workflow never started"}""");
        yield return (RequestReconciled.Closed(RequestStatus.InProgress, RequestStatus.Completed),
            """{"action":"closed","from":"InProgress","to":"Completed"}""");
        yield return (new IdentifiersRemoved("deletion completed"),
            """{"reason":"deletion completed","removed":["Email","FullName","AccountId","Details","Corrections","BoundAccountId"],"kept":"ids, dates, type, channel, status, keyed hashes"}""");
        yield return (new CopiesRemoved("closed request", 1, 0, 2, 3),
            """{"reason":"closed request","exports":1,"packages":0,"rawMails":2,"attachments":3}""");
    }

    private static T Inbound<T>()
        where T : InboundMailEvidence, new() => new()
    {
        Path = "sendgrid",
        MessageKey = "mk1",
        RawBlob = "inbound/mk1.eml",
        HasMessageId = true,
        ReceivedAt = At,
        ReceiptSource = "received-header",
        ArrivedAt = Due,
        Classification = "deletion",
        SuggestedClassification = "deletion",
        Confidence = Math.Round(0.87654,
        3),
        ClassifiedBy = "rules",
        Language = "en",
        Attachments = 1,
        Spf = "pass",
        Dkim = "none-reported",
        Dmarc = "fail",
    };
}

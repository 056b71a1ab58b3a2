namespace Comintech.Dsr.Evidence;

/// <summary>
/// Every event type written to the evidence ledger: its name on the chain and the sentence staff read a link of it as
/// ("Verification code sent", "Store crm: 3 records erased"), made from the link's details. Each type has one record
/// in <c>Evidence/Events</c> (its details schema).
/// </summary>
public static class EvidenceEvents
{
    public static readonly EvidenceType Received = new("request.received", d => d.Text("type") is { } requestType
        ? $"Request received ({requestType}, {d.Text("jurisdiction")}) by {Channel(d.Text("channel"))}"
        : $"Request received by {Channel(d.Text("channel"))}; its type is for staff to decide");

    public static readonly EvidenceType AcknowledgementSent = new("acknowledgement.sent", d => $"Acknowledgement sent to the person (due {d.Day("dueAt")})");
    public static readonly EvidenceType VerificationSent = new("verification.sent", d => d.Number("issue") is > 1 and var issue ? $"Verification code #{issue} sent" : "Verification code sent");
    public static readonly EvidenceType VerificationHeld = new("verification.held", _ => "Verification code not sent: the address used its code mails for the day");
    public static readonly EvidenceType VerificationSucceeded = new("verification.succeeded", d => d.Text("channel") == "smoke-key" ? "Verified by the smoke test's key" : "Identity verified with the e-mailed code");
    public static readonly EvidenceType VerificationFailed = new("verification.failed", d => $"Wrong verification code entered ({d.Number("attemptsLeft")} tries left)");
    public static readonly EvidenceType VerificationLocked = new("verification.locked", _ => "Verification locked after too many wrong codes");
    public static readonly EvidenceType VerificationExpired = new("verification.expired", _ => "Verification code expired unused");
    public static readonly EvidenceType IdentityNotVerified = new("verification.not-verified", _ => "Closed: the person did not verify; notice sent");
    public static readonly EvidenceType StoreOutcome = new("store.outcome", d => $"Store {d.Text("storeId")}: {Outcome(d)}");
    public static readonly EvidenceType CorrectionApplied = new("correction.applied", d => $"Store {d.Text("storeId")}: corrected {d.List("fields", "field")}");
    public static readonly EvidenceType StoreReapplied = new("store.reapplied", d => $"Store {d.Text("storeId")} after a backup restore: {Outcome(d)}");
    public static readonly EvidenceType StoreConfirmed = new("store.confirmed", d => $"Store {d.Text("storeId")} confirmed: {Outcome(d)}");
    public static readonly EvidenceType StoreEscalated = new("store.escalated", d => $"Store {d.Text("storeId")}: no confirmation by the deadline; escalated to the privacy team");
    public static readonly EvidenceType FinalNoticeSent = new("final-notice.sent", _ => "Final notice sent to the person");
    public static readonly EvidenceType AccessPackagePublished = new("access-package.published", d => $"Access package published ({d.Number("stores")} stores; link valid until {d.Day("linkExpiresAt")})");

    /// <summary>An access package waits for staff review (the stores' outcomes are in the store evidence).</summary>
    public static readonly EvidenceType AccessReviewOpened = new("access-review.opened", _ => "Access package held for staff review");

    /// <summary>Staff took one item out of a package: the store and the item's key (the reason is in the audit log).</summary>
    public static readonly EvidenceType AccessReviewItemRemoved = new("access-review.item-removed", d => $"Item withheld from the package (store {d.Text("storeId")})");

    /// <summary>Staff released a reviewed package: how many items they removed.</summary>
    public static readonly EvidenceType AccessReviewReleased = new("access-review.released", d => $"Reviewed package released ({d.Number("removed")} items withheld)");

    public static readonly EvidenceType Completed = new("request.completed", d => d.Text("afterRerunOf") is { } store
        ? $"Request completed after store {store} ran again"
        : $"Request closed: {Status(d.Text("status"))}");

    public static readonly EvidenceType WorkflowFailed = new("workflow.failed", d => $"Workflow failed at {d.Text("step")}: {d.Text("reason")}");
    public static readonly EvidenceType WorkflowRestarted = new("workflow.restarted", _ => "Workflow restarted by staff");
    public static readonly EvidenceType Reconciled = new("request.reconciled", d => $"Reconciliation: {d.Text("reason") ?? d.Text("action")}");
    public static readonly EvidenceType InboundMessage = new("inbound.message", _ => "E-mail received at the privacy inbox");
    public static readonly EvidenceType InboundLinked = new("inbound.linked", _ => "A further e-mail from the person joined to this request");
    public static readonly EvidenceType InboxAcknowledged = new("inbox.acknowledged", _ => "Inbox acknowledgement sent to the person");
    public static readonly EvidenceType Classified = new("request.classified", d => $"Classified by staff as {d.Text("type")}");
    public static readonly EvidenceType DeadlineExtended = new("deadline.extended", d => $"Deadline extended from {d.Day("previousDueAt")} to {d.Day("dueAt")}; notice sent");
    public static readonly EvidenceType ApprovalRequested = new("approval.requested", _ => "Waiting for staff approval");
    public static readonly EvidenceType ApprovalGranted = new("approval.granted", d => $"Approved by {d.Actor}");
    public static readonly EvidenceType ApprovalDenied = new("approval.denied", d => $"Denied by {d.Actor}");
    public static readonly EvidenceType DenialNoticeSent = new("denial-notice.sent", _ => "Denial notice sent to the person");
    public static readonly EvidenceType Denied = new("request.denied", _ => "Request closed: denied");
    public static readonly EvidenceType Refused = new("request.refused", _ => "Request refused in full");
    public static readonly EvidenceType StoresRefused = new("stores.refused", d => $"Refused for stores {d.List("stores")}");
    public static readonly EvidenceType RefusedStoresSkipped = new("stores.refused-skipped", d => $"Refused stores skipped: {d.List("stores")}");
    public static readonly EvidenceType VerificationNotRequired = new("verification.not-required", _ => "No verification needed (an opt-out of sale or sharing)");
    public static readonly EvidenceType RecipientNotified = new("recipient.notified", d => $"Recipient {d.Text("recipient")} told");
    public static readonly EvidenceType RecipientTaskOpened = new("recipient.staff-task", d => $"Staff task opened to tell recipient {d.Text("recipient")}");
    public static readonly EvidenceType RecipientNotNotified = new("recipient.legal-demand-only", d => $"Recipient {d.Text("recipient")} not told: it receives data only on a legal demand");
    public static readonly EvidenceType DeadlineReminder = new("deadline.reminder", d => $"Deadline reminder to staff (due {d.Day("dueAt")})");
    public static readonly EvidenceType DeadlineEscalated = new("deadline.escalated", d => $"Deadline {d.Day("dueAt")} passed with the request open: escalated to staff");
    public static readonly EvidenceType DeadlinePaused = new("deadline.paused-for-identity", d => $"Deadline moved from {d.Day("previousDueAt")} to {d.Day("dueAt")} for the time waited on identity");

    /// <summary>Which tier the person reached and how the account id (if any) was bound; no identifier in clear.</summary>
    public static readonly EvidenceType IdentityResolved = new("identity.resolved", d => $"Identity tier {d.Number("tier")} reached ({d.Text("method")})");

    /// <summary>An identifier the person gave was not bound to them and is not searched (its keyed hash and the reason).</summary>
    public static readonly EvidenceType IdentityUnbound = new("identity.unbound", d => $"Account id given but not bound to the person ({d.Text("reason")}); not searched");

    /// <summary>An account id bound later at tier 2 (control-panel link, staff), with its keyed hash.</summary>
    public static readonly EvidenceType IdentityBound = new("identity.bound", d => $"Account bound at tier {d.Number("tier")} ({d.Text("boundBy")})");

    /// <summary>The stores found by account were run again for an account bound after fulfilment.</summary>
    public static readonly EvidenceType IdentityRerunCompleted = new("identity.rerun-completed", _ => "Stores found by account ran again for the bound account; the person was told");

    /// <summary>The retention policy removed a request's identifiers (which columns, why); keyed hashes stay.</summary>
    public static readonly EvidenceType IdentifiersRemoved = new("retention.identifiers-removed", _ => "Retention: the person's identifiers removed");

    /// <summary>The retention policy (or a later deletion request) removed a request's working copies: kinds and counts.</summary>
    public static readonly EvidenceType CopiesRemoved = new("retention.copies-removed", _ => "Retention: working copies removed");

    /// <summary>Requested fields no store corrects automatically (names only), handed to staff as one manual step.</summary>
    public static readonly EvidenceType ManualCorrectionsPlanned = new("correction.manual-step-planned", d => $"Handed to staff to correct by hand: {d.List("fields")}");

    /// <summary>Processor routing: a hosted store's match forwarded to, a reminder to, an escalation of and an answer from the Client that controls the data.</summary>
    public static readonly EvidenceType ClientForwarded = new("client.forwarded", d => $"Store {d.Text("storeId")}: forwarded to Client {d.Text("clientId")} by {d.Text("channel")}");
    public static readonly EvidenceType ClientReminded = new("client.reminded", d => $"Client {d.Text("clientId")} reminded (#{d.Number("reminder")})");
    public static readonly EvidenceType ClientEscalated = new("client.escalated", d => $"Client {d.Text("clientId")} did not answer: escalated to the privacy team");
    public static readonly EvidenceType ClientAnswered = new("client.answered", d => $"Client {d.Text("clientId")} answered: {Kind(d.Text("outcome"), null, d.Number("recordsAffected"))}");

    /// <summary>A store outcome (<see cref="Comintech.Dsr.Domain.ConnectorOutcome"/>) in words: "3 records erased", "nothing found".</summary>
    private static string Outcome(EvidenceDetails d) => Kind(d.Text("kind"), d.Text("action"), d.Number("recordsAffected"), d.Text("note"));

    private static string Kind(string? kind, string? action, long? affected, string? note = null)
    {
        var records = affected == 1 ? "1 record" : $"{affected ?? 0} records";
        var sentence = kind switch
        {
            "Done" => action switch
            {
                "Erase" => $"{records} erased",
                "Export" => $"{records} exported",
                "Rectify" => $"{records} corrected",
                "Suppress" => "address suppressed",
                _ => $"done ({records})",
            },
            "NothingFound" => "nothing found",
            "Retained" => "kept for a legal reason",
            "Waiting" => "waiting on a partner or staff",
            "Failed" => "failed",
            _ => kind ?? "no outcome",
        };
        return note is null ? sentence : $"{sentence} ({note})";
    }

    private static string Channel(string? channel) => channel switch
    {
        "Web" => "the web form",
        "Email" => "e-mail",
        null => "an unknown channel",
        _ => channel,
    };

    private static string Status(string? status) => status switch
    {
        "CompletedWithExceptions" => "completed with exceptions",
        null => "completed",
        _ => status.ToLowerInvariant(),
    };
}

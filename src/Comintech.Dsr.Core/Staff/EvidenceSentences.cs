namespace Comintech.Dsr.Staff;

/// <summary>
/// Each evidence link as a sentence staff can read ("Verification code sent", "Store crm: 3 records erased"), made from
/// its event type and the facts in its details. The link itself (type, details JSON, hash) is unchanged and shown
/// beside it for auditors. An event type not listed here reads as its name.
/// </summary>
public static class EvidenceSentences
{
    public static string Describe(EvidenceRecord record)
    {
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(record.Details) ? "{}" : record.Details);
            var details = document.RootElement.ValueKind == JsonValueKind.Object ? new Facts(document.RootElement) : new Facts(default);
            return Sentence(record.EventType, details, record.Actor);
        }
        catch (JsonException)
        {
            return record.EventType;
        }
    }

    private static string Sentence(string type, Facts d, string actor) => type switch
    {
        EvidenceEvents.Received => d.Text("type") is { } requestType
            ? $"Request received ({requestType}, {d.Text("jurisdiction")}) by {Channel(d.Text("channel"))}"
            : $"Request received by {Channel(d.Text("channel"))}; its type is for staff to decide",
        EvidenceEvents.AcknowledgementSent => $"Acknowledgement sent to the person (due {d.Day("dueAt")})",
        EvidenceEvents.VerificationSent => d.Number("issue") is > 1 and var issue ? $"Verification code #{issue} sent" : "Verification code sent",
        EvidenceEvents.VerificationHeld => "Verification code not sent: the address used its code mails for the day",
        EvidenceEvents.VerificationSucceeded => d.Text("channel") == "smoke-key" ? "Verified by the smoke test's key" : "Identity verified with the e-mailed code",
        EvidenceEvents.VerificationFailed => $"Wrong verification code entered ({d.Number("attemptsLeft")} tries left)",
        EvidenceEvents.VerificationLocked => "Verification locked after too many wrong codes",
        EvidenceEvents.VerificationExpired => "Verification code expired unused",
        EvidenceEvents.IdentityNotVerified => "Closed: the person did not verify; notice sent",
        EvidenceEvents.VerificationNotRequired => "No verification needed (an opt-out of sale or sharing)",
        EvidenceEvents.StoreOutcome => $"Store {d.Text("storeId")}: {Outcome(d)}",
        EvidenceEvents.StoreReapplied => $"Store {d.Text("storeId")} after a backup restore: {Outcome(d)}",
        EvidenceEvents.StoreConfirmed => $"Store {d.Text("storeId")} confirmed: {Outcome(d)}",
        EvidenceEvents.StoreEscalated => $"Store {d.Text("storeId")}: no confirmation by the deadline; escalated to the privacy team",
        EvidenceEvents.CorrectionApplied => $"Store {d.Text("storeId")}: corrected {d.List("fields", "field")}",
        EvidenceEvents.ManualCorrectionsPlanned => $"Handed to staff to correct by hand: {d.List("fields")}",
        EvidenceEvents.FinalNoticeSent => "Final notice sent to the person",
        EvidenceEvents.AccessPackagePublished => $"Access package published ({d.Number("stores")} stores; link valid until {d.Day("linkExpiresAt")})",
        EvidenceEvents.AccessReviewOpened => "Access package held for staff review",
        EvidenceEvents.AccessReviewItemRemoved => $"Item withheld from the package (store {d.Text("storeId")})",
        EvidenceEvents.AccessReviewReleased => $"Reviewed package released ({d.Number("removed")} items withheld)",
        EvidenceEvents.Completed => d.Text("afterRerunOf") is { } store
            ? $"Request completed after store {store} ran again"
            : $"Request closed: {Status(d.Text("status"))}",
        EvidenceEvents.WorkflowFailed => $"Workflow failed at {d.Text("step")}: {d.Text("reason")}",
        EvidenceEvents.WorkflowRestarted => "Workflow restarted by staff",
        EvidenceEvents.Reconciled => $"Reconciliation: {d.Text("reason") ?? d.Text("action")}",
        EvidenceEvents.InboundMessage => "E-mail received at the privacy inbox",
        EvidenceEvents.InboundLinked => "A further e-mail from the person joined to this request",
        EvidenceEvents.InboxAcknowledged => "Inbox acknowledgement sent to the person",
        EvidenceEvents.Classified => $"Classified by staff as {d.Text("type")}",
        EvidenceEvents.DeadlineExtended => $"Deadline extended from {d.Day("previousDueAt")} to {d.Day("dueAt")}; notice sent",
        EvidenceEvents.ApprovalRequested => "Waiting for staff approval",
        EvidenceEvents.ApprovalGranted => $"Approved by {Who(actor)}",
        EvidenceEvents.ApprovalDenied => $"Denied by {Who(actor)}",
        EvidenceEvents.DenialNoticeSent => "Denial notice sent to the person",
        EvidenceEvents.Denied => "Request closed: denied",
        EvidenceEvents.Refused => "Request refused in full",
        EvidenceEvents.StoresRefused => $"Refused for stores {d.List("stores")}",
        EvidenceEvents.RefusedStoresSkipped => $"Refused stores skipped: {d.List("stores")}",
        EvidenceEvents.RecipientNotified => $"Recipient {d.Text("recipient")} told",
        EvidenceEvents.RecipientTaskOpened => $"Staff task opened to tell recipient {d.Text("recipient")}",
        EvidenceEvents.RecipientNotNotified => $"Recipient {d.Text("recipient")} not told: it receives data only on a legal demand",
        EvidenceEvents.DeadlineReminder => $"Deadline reminder to staff (due {d.Day("dueAt")})",
        EvidenceEvents.DeadlineEscalated => $"Deadline {d.Day("dueAt")} passed with the request open: escalated to staff",
        EvidenceEvents.DeadlinePaused => $"Deadline moved from {d.Day("previousDueAt")} to {d.Day("dueAt")} for the time waited on identity",
        EvidenceEvents.IdentityResolved => $"Identity tier {d.Number("tier")} reached ({d.Text("method")})",
        EvidenceEvents.IdentityUnbound => $"Account id given but not bound to the person ({d.Text("reason")}); not searched",
        EvidenceEvents.IdentityBound => $"Account bound at tier {d.Number("tier")} ({d.Text("boundBy")})",
        EvidenceEvents.IdentityRerunCompleted => "Stores found by account ran again for the bound account; the person was told",
        EvidenceEvents.IdentifiersRemoved => "Retention: the person's identifiers removed",
        EvidenceEvents.CopiesRemoved => "Retention: working copies removed",
        ClientEvidence.Forwarded => $"Store {d.Text("storeId")}: forwarded to Client {d.Text("clientId")} by {d.Text("channel")}",
        ClientEvidence.Reminded => $"Client {d.Text("clientId")} reminded (#{d.Number("reminder")})",
        ClientEvidence.Escalated => $"Client {d.Text("clientId")} did not answer: escalated to the privacy team",
        ClientEvidence.Answered => $"Client {d.Text("clientId")} answered: {Kind(d.Text("outcome"), null, d.Number("recordsAffected"))}",
        _ => type,
    };

    /// <summary>A store outcome (<see cref="Comintech.Dsr.Domain.ConnectorOutcome"/>) in words: "3 records erased", "nothing found".</summary>
    private static string Outcome(Facts d) => Kind(d.Text("kind"), d.Text("action"), d.Number("recordsAffected"), d.Text("note"));

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

    /// <summary>Staff actors are written <c>staff:&lt;name&gt;</c>.</summary>
    private static string Who(string actor) => actor.StartsWith("staff:", StringComparison.Ordinal) ? actor["staff:".Length..] : actor;

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

    /// <summary>The details' properties, read leniently: a missing or differently typed one is null.</summary>
    private readonly struct Facts(JsonElement root)
    {
        public string? Text(string name) => Get(name) is { ValueKind: JsonValueKind.String } e ? e.GetString() : null;

        public long? Number(string name) => Get(name) is { ValueKind: JsonValueKind.Number } e && e.TryGetInt64(out var n) ? n : null;

        public string Day(string name) => Get(name) is { ValueKind: JsonValueKind.String } e && e.TryGetDateTimeOffset(out var at)
            ? at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : "?";

        /// <summary>A list of strings, or of objects' <paramref name="property"/>, joined with commas.</summary>
        public string List(string name, string? property = null) => Get(name) is { ValueKind: JsonValueKind.Array } e
            ? string.Join(", ", e.EnumerateArray().Select(i => property is not null && i.ValueKind == JsonValueKind.Object && i.TryGetProperty(property, out var p) ? p.ToString() : i.ToString()))
            : "";

        private JsonElement? Get(string name) =>
            root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) ? value : null;
    }
}

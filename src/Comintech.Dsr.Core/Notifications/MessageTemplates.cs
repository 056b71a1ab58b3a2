using Comintech.Dsr.Notifications.Texts;

namespace Comintech.Dsr.Notifications;

/// <summary>
/// The notices sent to the person, assembled from the texts of their language (<see cref="NoticeTexts"/>: English,
/// Spanish, Portuguese). Every closing notice names the authority and the remedies of the request's law; CCPA notices
/// say a record is kept and carry no GDPR citations.
/// </summary>
public static class MessageTemplates
{
    public static OutgoingEmail Acknowledgement(DsrRequest request, string statusUrl)
    {
        var t = Texts(request);
        return Build(request, "ack", t.AckSubject, Fill(t.Acknowledgement, TypeName(request, t), ("received", Day(request.ReceivedAt)), ("due", Day(request.DueAt)),
            ("identity", request.Type.NeedsVerification() ? t.AckCodeFollows : t.AckNoCode), ("statusUrl", statusUrl)));
    }

    public static OutgoingEmail VerificationCode(DsrRequest request, int issue, string code, TimeSpan ttl, string verifyUrl)
    {
        var t = Texts(request);
        return Build(request, $"code-{issue}", Fill(t.CodeSubject, ("code", code)),
            Fill(t.Code, ("code", code), ("minutes", (int)Math.Round(ttl.TotalMinutes)), ("verifyUrl", verifyUrl)));
    }

    public static OutgoingEmail NotVerified(DsrRequest request, NoticeOptions? notices = null)
    {
        var t = Texts(request);
        return Build(request, "not-verified", t.NotVerifiedSubject, t.NotVerified + Closing(request, t, notices));
    }

    public static OutgoingEmail Final(
        DsrRequest request, RequestStatus status, IReadOnlyList<ConnectorOutcome> outcomes, IReadOnlyDictionary<string, string> storeNames,
        PublishedPackage? package = null, IReadOnlyList<RetainedItem>? kept = null) =>
        Final(request, status, new FinalNoticeFacts(outcomes, storeNames) { Package = package, Kept = kept ?? [] });

    public static OutgoingEmail Final(DsrRequest request, RequestStatus status, FinalNoticeFacts facts, NoticeOptions? notices = null)
    {
        var t = Texts(request);
        var download = facts.Package is null ? "" : "\n\n" + Fill(t.Download, ("expires", Day(facts.Package.ExpiresAt)), ("link", facts.Package.Link));
        var saleNote = request.Type == RequestType.SaleSharingOptOut && facts.NoStoreSellsOrShares ? "\n\n" + t.NoSaleOrSharing : "";
        var recipients = facts.RecipientsTold > 0 && facts.RecipientsLink is { } link ? "\n\n" + Fill(t.RecipientsOffer, ("told", facts.RecipientsTold), ("link", link)) : "";
        return Build(
            request,
            "final",
            t.FinalSubject,
            Fill(status == RequestStatus.Completed ? t.FinalComplete : t.FinalPartial, TypeName(request, t)) + download + saleNote
            + $"\n\n{Lines(request, t, facts)}{Refused(request, t, facts.Refused)}{Kept(request, t, facts.Kept)}{(facts.Controllers.Length > 0 ? "\n\n" + facts.Controllers : "")}{Unbound(request, t)}{recipients}\n"
            + Closing(request, t, notices));
    }

    /// <summary>After an account was bound later (control-panel link, staff): what the stores found by account did.</summary>
    public static OutgoingEmail IdentityUpdate(
        DsrRequest request, string runId, IReadOnlyList<ConnectorOutcome> outcomes, IReadOnlyDictionary<string, string> storeNames, PublishedPackage? package)
    {
        var t = Texts(request);
        var download = package is null ? "" : "\n\n" + Fill(t.UpdatedDownload, ("expires", Day(package.ExpiresAt)), ("link", package.Link));
        return Build(
            request,
            "identity-update-" + runId,
            t.UpdateSubject,
            Fill(t.UpdateIntro, TypeName(request, t)) + $"{download}\n\n{Lines(request, t, new FinalNoticeFacts(outcomes, storeNames))}\n" + Closing(request, t, null));
    }

    /// <summary>The reasoned notice of an extension (GDPR Art. 12(3), CCPA §1798.130(a)(2)).</summary>
    public static OutgoingEmail Extension(DsrRequest request, DateTimeOffset newDueAt, string reason, NoticeOptions? notices = null)
    {
        var t = Texts(request);
        return Build(request, "extension", t.ExtensionSubject,
            Fill(t.Extension, TypeName(request, t), ("received", Day(request.ReceivedAt)), ("reason", reason), ("due", Day(newDueAt))) + Remedies(request, t, notices));
    }

    /// <summary>The reasoned notice that the request is refused as a whole (GDPR Art. 12(4), CCPA regulations §7022-7024).</summary>
    public static OutgoingEmail Denial(DsrRequest request, string reason, NoticeOptions? notices = null)
    {
        var t = Texts(request);
        return Build(request, "denied", t.DenialSubject,
            Fill(t.Denial, TypeName(request, t), ("received", Day(request.ReceivedAt)), ("reason", ForLaw(request, reason))) + Closing(request, t, notices));
    }

    /// <summary>Reasons and notes as the request's law allows: a Californian is not given GDPR citations.</summary>
    public static string ForLaw(DsrRequest request, string text) =>
        request.Jurisdiction == Jurisdiction.CCPA ? LawCitations.WithoutGdpr(text) : text;

    private static string Lines(DsrRequest request, NoticeTexts t, FinalNoticeFacts facts) => string.Join('\n', facts.Outcomes.Select(o =>
    {
        var name = facts.StoreNames.GetValueOrDefault(o.StoreId, o.StoreId);
        var correction = request.Type == RequestType.Correction && o.Kind is OutcomeKind.Done or OutcomeKind.NothingFound
            && facts.StoreFields.TryGetValue(o.StoreId, out var held) ? Correction(request, t, o, held) : null;
        return $"- {name}: {correction ?? ForLaw(request, Outcome(t, o.Kind, o.RecordsAffected, o.Note))}";
    }));

    /// <summary>Which asked fields a store changed and which it holds no field for; null when the store holds none of them.</summary>
    private static string? Correction(DsrRequest request, NoticeTexts t, ConnectorOutcome outcome, IReadOnlyCollection<string> held)
    {
        var asked = request.Corrections.Keys.Order(StringComparer.Ordinal).ToList();
        var changed = outcome.Kind == OutcomeKind.Done ? asked.Where(held.Contains).ToList() : [];
        var notHeld = asked.Where(f => !held.Contains(f)).ToList();
        return outcome.Kind == OutcomeKind.NothingFound && notHeld.Count == 0 ? null
            : outcome.Kind == OutcomeKind.NothingFound ? Outcome(t, OutcomeKind.NothingFound, 0, null) + "; " + Corrected(t, [], notHeld)
            : Corrected(t, changed, notHeld);
    }

    private static string Outcome(NoticeTexts t, OutcomeKind kind, int records, string? note) =>
        Fill(t.Outcomes[kind], ("records", records), ("note", note));

    /// <summary>A correction at one store: which of the asked fields it changed, and which it holds no such field for.</summary>
    private static string Corrected(NoticeTexts t, IReadOnlyCollection<string> changed, IReadOnlyCollection<string> notHeld) =>
        string.Join("; ", new[]
        {
            changed.Count > 0 ? Fill(t.Corrected, ("fields", string.Join(", ", changed))) : null,
            notHeld.Count > 0 ? Fill(t.NotHeld, ("fields", string.Join(", ", notHeld))) : null,
        }.Where(p => p is not null));

    /// <summary>
    /// An account id that was not used, in neutral words: the same whether the account does not exist, belongs to
    /// someone else or needs a stronger proof, so the notice never confirms an account.
    /// </summary>
    private static string Unbound(DsrRequest request, NoticeTexts t) => request.Identity?.Unbound is null ? "" : "\n\n" + t.Unbound;

    /// <summary>Stores staff refused to act on, with the reason (a partial refusal, GDPR Art. 12(4)).</summary>
    private static string Refused(DsrRequest request, NoticeTexts t, IReadOnlyList<StoreRefusalLine> refused) => refused.Count == 0 ? "" :
        $"\n\n{t.PartialRefusalHeading}\n" + string.Join('\n', refused.Select(r => $"- {r.StoreName}: {ForLaw(request, r.Reason)}"));

    /// <summary>What an erasure kept and why (GDPR Art. 17(3)), store by store.</summary>
    private static string Kept(DsrRequest request, NoticeTexts t, IReadOnlyList<RetainedItem> kept) => kept.Count == 0 ? "" :
        $"\n\n{t.KeptHeading}\n"
        + string.Join('\n', kept.Select(k => k.KeptFields.Count == 0
            ? $"- {k.StoreName}: {ForLaw(request, k.Reason)}"
            : $"- {k.StoreName} ({string.Join(", ", k.KeptFields)}): {ForLaw(request, k.Reason)}"));

    /// <summary>The authority and the remedies under the request's law: the configured authority, else a general reference.</summary>
    private static string Remedies(DsrRequest request, NoticeTexts t, NoticeOptions? notices)
    {
        var authority = (notices ?? NoticeOptions.Default).For(request.Jurisdiction).Named;
        return request.Jurisdiction == Jurisdiction.CCPA
            ? Fill(t.CcpaRemedies, ("authority", authority ?? t.CcpaDefaultAuthority))
            : Fill(t.GdprRemedies, ("whichAuthority", authority is null ? t.GdprAnyAuthority : Fill(t.GdprNamedAuthority, ("authority", authority))));
    }

    /// <summary>The remedies, and for a Californian the statement that a record of the request is kept (regulations §7022(e), §7101(a)).</summary>
    private static string Closing(DsrRequest request, NoticeTexts t, NoticeOptions? notices) =>
        Remedies(request, t, notices) + (request.Jurisdiction == Jurisdiction.CCPA ? t.RecordKept : "");

    private static NoticeTexts Texts(DsrRequest request) => NoticeTexts.For(request.Language);

    private static (string, object?) TypeName(DsrRequest request, NoticeTexts t) => ("type", t.TypeNames[request.Type]);

    private static string Fill(string template, params ReadOnlySpan<(string, object?)> values) => TextTemplate.Fill(template, values);

    private static string Day(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static OutgoingEmail Build(DsrRequest request, string purpose, string subject, string body) =>
        new($"{request.Id}.{purpose}", request.Subject.Email, request.Subject.FullName, subject, body);
}

/// <summary>What the final notice reports besides the status: each store's outcome and what was kept, refused and told.</summary>
public sealed record FinalNoticeFacts(IReadOnlyList<ConnectorOutcome> Outcomes, IReadOnlyDictionary<string, string> StoreNames)
{
    public PublishedPackage? Package { get; init; }

    public IReadOnlyList<RetainedItem> Kept { get; init; } = [];

    public IReadOnlyList<StoreRefusalLine> Refused { get; init; } = [];

    /// <summary>Per store: the request field names it holds (its data-map <c>Fields</c>), for a correction's lines.</summary>
    public IReadOnlyDictionary<string, IReadOnlyCollection<string>> StoreFields { get; init; } = new Dictionary<string, IReadOnlyCollection<string>>();

    /// <summary>For an opt-out of sale/sharing: no store in the data map is marked as selling or sharing.</summary>
    public bool NoStoreSellsOrShares { get; init; }

    /// <summary>How many recipients were told of an erasure or rectification (Art. 19), and where the person gets the list.</summary>
    public int RecipientsTold { get; init; }

    public string? RecipientsLink { get; init; }

    /// <summary>The paragraph naming the Clients (controllers) the request was forwarded to; empty when none.</summary>
    public string Controllers { get; init; } = "";
}

public sealed record StoreRefusalLine(string StoreName, string Reason);

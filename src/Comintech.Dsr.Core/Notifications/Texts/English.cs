namespace Comintech.Dsr.Notifications.Texts;

public sealed class English : NoticeTexts
{
    public static English Texts { get; } = new();

    public override string TypeName(RequestType type) => type switch
    {
        RequestType.OptOut => "marketing opt-out",
        RequestType.SaleSharingOptOut => "\"do not sell or share my personal information\"",
        _ => type.ToWire(),
    };

    public override string AckSubject => "We have received your privacy request";

    public override string Acknowledgement(string type, string received, string due, bool codeFollows, string statusUrl) =>
        $"We received your {type} request on {received}.\n"
        + $"We will respond by {due} at the latest.\n"
        + (codeFollows ? "We are sending you a code to confirm it is you.\n" : "We act on it without asking you to confirm your identity.\n")
        + $"\nRequest status: {statusUrl}\n";

    public override string CodeSubject(string code) => $"Your verification code: {code}";

    public override string Code(string code, int minutes, string verifyUrl) =>
        $"Your verification code is {code}. It expires in {minutes} minutes.\n"
        + $"Enter it here: {verifyUrl}\n\n"
        + "If you did not make this request, ignore this message: nothing happens without the code.\n";

    public override string NotVerifiedSubject => "Your privacy request has been closed";

    public override string NotVerified =>
        "We could not confirm your identity in time, so we have not acted on your request.\n"
        + "You may send a new request at any time.\n";

    public override string FinalSubject => "Your privacy request: outcome";

    public override string FinalIntro(string type, bool complete) => complete
        ? $"Your {type} request is complete."
        : $"Your {type} request is complete except where noted below; our privacy team is handling the rest.";

    public override string Download(string expires, string link) =>
        $"Download your data (HTML, JSON and CSV in one zip) here; the link expires on {expires}:\n{link}";

    public override string UpdateSubject => "Your privacy request: update";

    public override string UpdateIntro(string type) => $"We have linked the account you confirmed to your {type} request and acted on it as well.";

    public override string UpdatedDownload(string expires, string link) =>
        $"Your updated data package (the earlier link no longer works; this one expires on {expires}):\n{link}";

    public override string Unbound =>
        "You also gave an account id. We could not link it to the e-mail address you confirmed, so we did not use it and acted only "
        + "on data linked to that address. If the account is yours, sign in to the control panel and use its privacy page to send us a "
        + "signed link, or reply to this message and our privacy team will check it with you.";

    public override string ExtensionSubject => "We need more time for your privacy request";

    public override string Extension(string type, string received, string reason, string due) =>
        $"We need more time to respond to your {type} request of {received}.\nReason: {reason}\nWe will respond by {due} at the latest.\n";

    public override string DenialSubject => "Your privacy request has been refused";

    public override string Denial(string type, string received, string reason) =>
        $"We cannot act on your {type} request of {received}.\nReason: {reason}\n";

    public override string PartialRefusalHeading => "What we did not do and why:";

    public override string KeptHeading => "What we kept and why:";

    public override string Outcome(OutcomeKind kind, int records, string? note) => kind switch
    {
        OutcomeKind.Done => $"done ({records} record(s))",
        OutcomeKind.NothingFound => "no data about you",
        OutcomeKind.Retained => $"kept for a legal reason: {note}",
        OutcomeKind.Waiting => "in progress",
        _ => "could not be completed automatically; our privacy team will finish it",
    };

    public override string Corrected(IReadOnlyCollection<string> changed, IReadOnlyCollection<string> notHeld) =>
        string.Join("; ", new[]
        {
            changed.Count > 0 ? "corrected " + string.Join(", ", changed) : null,
            notHeld.Count > 0 ? "holds no " + string.Join(", ", notHeld) + " field, so there was nothing to correct there" : null,
        }.Where(p => p is not null));

    public override string NoSaleOrSharing => "We do not sell or share your personal information: no store of ours passes it on for money or for cross-context behavioural advertising.";

    public override string RecipientsOffer(int told, string link) =>
        $"We told {told} recipient(s) of your data about this request. For the list of recipients, open {link} or reply to this message.";

    public override string Remedies(Jurisdiction jurisdiction, string? authority) => jurisdiction == Jurisdiction.CCPA
        ? "\nIf you are not satisfied, reply to this message. You may also complain to the supervisory authority, "
          + (authority ?? "the California Privacy Protection Agency") + ", or to the California Attorney General, and you may have remedies in court.\n"
        : "\nIf you are not satisfied, reply to this message or complain to your data protection authority"
          + (authority is null ? " (in the EU country where you live or work, or where you think the law was broken)" : $" ({authority}, or the authority where you live or work)")
          + "; you also have the right to go to court (GDPR Art. 77 and 79).\n";

    public override string RecordKept => "We keep a record of this request and our response for 24 months, as the California regulations require.\n";
}

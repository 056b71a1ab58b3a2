namespace Comintech.Dsr.Notifications.Texts;

/// <summary>
/// Every sentence a notice to the person is made of, in one language: a language is one table of texts (one subclass),
/// and <see cref="MessageTemplates"/> assembles them. Dates arrive formatted; authority names arrive configured.
/// </summary>
public abstract class NoticeTexts
{
    public static NoticeTexts For(string language) => language switch
    {
        Languages.Spanish => Spanish.Texts,
        Languages.Portuguese => Portuguese.Texts,
        _ => English.Texts,
    };

    public abstract string TypeName(RequestType type);

    public abstract string AckSubject { get; }

    public abstract string Acknowledgement(string type, string received, string due, bool codeFollows, string statusUrl);

    public abstract string CodeSubject(string code);

    public abstract string Code(string code, int minutes, string verifyUrl);

    public abstract string NotVerifiedSubject { get; }

    public abstract string NotVerified { get; }

    public abstract string FinalSubject { get; }

    public abstract string FinalIntro(string type, bool complete);

    public abstract string Download(string expires, string link);

    public abstract string UpdateSubject { get; }

    public abstract string UpdateIntro(string type);

    public abstract string UpdatedDownload(string expires, string link);

    public abstract string Unbound { get; }

    public abstract string ExtensionSubject { get; }

    public abstract string Extension(string type, string received, string reason, string due);

    public abstract string DenialSubject { get; }

    public abstract string Denial(string type, string received, string reason);

    public abstract string PartialRefusalHeading { get; }

    public abstract string KeptHeading { get; }

    public abstract string Outcome(OutcomeKind kind, int records, string? note);

    /// <summary>A correction at one store: which of the asked fields it changed, and which it holds no such field for.</summary>
    public abstract string Corrected(IReadOnlyCollection<string> changed, IReadOnlyCollection<string> notHeld);

    public abstract string NoSaleOrSharing { get; }

    public abstract string RecipientsOffer(int told, string link);

    /// <summary>The authority and the remedies under the request's law; <paramref name="authority"/> is the configured one or null.</summary>
    public abstract string Remedies(Jurisdiction jurisdiction, string? authority);

    /// <summary>CCPA regulations §7022(e) / §7101(a): a record of the request is kept for 24 months.</summary>
    public abstract string RecordKept { get; }
}

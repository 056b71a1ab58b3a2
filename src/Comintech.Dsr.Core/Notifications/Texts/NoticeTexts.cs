namespace Comintech.Dsr.Notifications.Texts;

/// <summary>
/// Every sentence a notice to the person is made of, in one language: the files <c>notices.{language}.json</c> beside
/// this one, with <c>{placeholders}</c> that <see cref="MessageTemplates"/> fills (dates arrive formatted, authority
/// names configured). A sentence a condition picks comes in both forms (<see cref="AckCodeFollows"/>, <see cref="AckNoCode"/>).
/// </summary>
public sealed record NoticeTexts(
    IReadOnlyDictionary<RequestType, string> TypeNames,
    string AckSubject, string Acknowledgement, string AckCodeFollows, string AckNoCode,
    string CodeSubject, string Code,
    string NotVerifiedSubject, string NotVerified,
    string FinalSubject, string FinalComplete, string FinalPartial, string Download,
    string UpdateSubject, string UpdateIntro, string UpdatedDownload,
    string Unbound,
    string ExtensionSubject, string Extension,
    string DenialSubject, string Denial,
    string PartialRefusalHeading, string KeptHeading,
    IReadOnlyDictionary<OutcomeKind, string> Outcomes,
    string Corrected, string NotHeld,
    string NoSaleOrSharing, string RecipientsOffer,
    string CcpaRemedies, string CcpaDefaultAuthority, string GdprRemedies, string GdprAnyAuthority, string GdprNamedAuthority,
    string RecordKept)
{
    public static Translations<NoticeTexts> All { get; } = new("notices");

    public static NoticeTexts For(string language) => All.For(language);
}

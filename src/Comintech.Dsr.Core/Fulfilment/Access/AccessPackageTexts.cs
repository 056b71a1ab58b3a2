namespace Comintech.Dsr.Fulfilment.Access;

/// <summary>
/// The words of an access package report in one language (the files <c>Texts/access-package.{language}.json</c>):
/// labels, plain-language outcomes and the rights per law.
/// </summary>
public sealed record AccessPackageTexts(
    string Title,
    string Prepared,
    string Categories,
    string Purposes,
    string LegalBasis,
    string Recipients,
    string Retention,
    string Source,
    string Transfers,
    string AutomatedDecisions,
    string Outcome,
    string None,
    string NoRecords,
    string DefaultSource,
    string NoTransfers,
    string NoAutomatedDecisions,
    string Withheld,
    string RightsHeading,
    IReadOnlyDictionary<OutcomeKind, string> Outcomes,
    IReadOnlyList<string> GdprRights,
    IReadOnlyList<string> CcpaRights)
{
    public static Translations<AccessPackageTexts> All { get; } = new("access-package");

    public static AccessPackageTexts For(string? language) => All.For(language);

    public IReadOnlyList<string> RightsFor(Jurisdiction law) => law == Jurisdiction.CCPA ? CcpaRights : GdprRights;

    public string OutcomeWords(OutcomeKind kind) => Outcomes[kind];
}

namespace Comintech.Dsr.Notifications;

/// <summary>Takes GDPR citations out of a text meant for a Californian, e.g. "kept under tax law (GDPR Art. 17(3)(b))" → "kept under tax law".</summary>
public static partial class LawCitations
{
    public static string WithoutGdpr(string text) => Spaces().Replace(GdprCitation().Replace(text, ""), " ").Trim();

    /// <summary>A parenthesis (one level of nested parentheses allowed) that names the GDPR, or a bare "GDPR Art. n(…)".</summary>
    [GeneratedRegex(@"\s*\((?:[^()]|\([^()]*\))*?\b(?:GDPR|RGPD)\b(?:[^()]|\([^()]*\))*\)|\s*\b(?:under\s+)?(?:GDPR|RGPD)\s+Art(?:icle|\.)\s*\d+(?:\(\w+\))*", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 200)]
    private static partial Regex GdprCitation();

    [GeneratedRegex(@"[ \t]{2,}", RegexOptions.None, matchTimeoutMilliseconds: 200)]
    private static partial Regex Spaces();
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Comintech.Dsr.Domain;

namespace Comintech.Dsr.Inbox;

/// <summary>What an e-mail asks for, as the classifier reads it.</summary>
public enum MailIntent
{
    Access,
    Correction,
    Deletion,
    OptOut,
    Unclear,
}

/// <summary>The classifier's answer: the intent, the language it was written in (en, es, pt) and the scores behind it.</summary>
public sealed record MailClassification(MailIntent Intent, string Language, Jurisdiction Jurisdiction, IReadOnlyDictionary<MailIntent, int> Scores)
{
    public string WireName => Intent.ToWire();

    /// <summary>The request type the intent names, or null for unclear.</summary>
    public RequestType? RequestType => Intent switch
    {
        MailIntent.Access => Domain.RequestType.Access,
        MailIntent.Correction => Domain.RequestType.Correction,
        MailIntent.Deletion => Domain.RequestType.Deletion,
        MailIntent.OptOut => Domain.RequestType.OptOut,
        _ => null,
    };

    /// <summary>
    /// Staff decide before anything runs: unclear mail, and corrections (free text does not give the new values field
    /// by field, and running a correction without them would tell the person nothing was found). Opt-outs run at once.
    /// </summary>
    public bool NeedsTriage => Intent is not (MailIntent.Access or MailIntent.Deletion or MailIntent.OptOut);
}

public static class MailIntentNames
{
    public static string ToWire(this MailIntent intent) => intent switch
    {
        MailIntent.OptOut => "opt-out",
        _ => intent.ToString().ToLowerInvariant(),
    };
}

/// <summary>
/// Classifies a request e-mail from its subject and body in English, Spanish and Portuguese by weighted phrases
/// (subject counts double, quoted reply lines are ignored, a phrase right after a negation does not count). A message
/// with no clear winner is <see cref="MailIntent.Unclear"/>, so staff decide rather than the system guessing.
/// </summary>
public static partial class RequestClassifier
{
    private const int MinimumScore = 3;
    private const double WinningMargin = 1.5;

    public static MailClassification Classify(string subject, string body)
    {
        var cleanSubject = Normalise(StripReplyPrefixes(subject));
        var cleanBody = Normalise(StripQuotedLines(body));
        var scores = Enum.GetValues<MailIntent>().Where(i => i != MailIntent.Unclear).ToDictionary(i => i, _ => 0);
        foreach (var (intent, pattern, weight) in ClassifierPhrases.All)
        {
            scores[intent] += weight * ((2 * Count(pattern, cleanSubject)) + Math.Min(3, Count(pattern, cleanBody)));
        }

        var ranked = scores.OrderByDescending(s => s.Value).ToList();
        var (best, bestScore) = (ranked[0].Key, ranked[0].Value);
        var runnerUp = ranked[1].Value;
        var clear = bestScore >= MinimumScore && bestScore >= runnerUp * WinningMargin;
        var all = cleanSubject + "\n" + cleanBody;
        return new MailClassification(clear ? best : MailIntent.Unclear, DetectLanguage(all), DetectJurisdiction(all), scores);
    }

    /// <summary>Lower case, accents removed, whitespace collapsed: "Supresión" and "supresion" match alike.</summary>
    public static string Normalise(string text)
    {
        var decomposed = text.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var plain = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                plain.Append(c is '’' or '‘' ? '\'' : c);
            }
        }

        return Whitespace().Replace(plain.ToString(), " ").Trim();
    }

    private static int Count(Regex pattern, string text)
    {
        var count = 0;
        foreach (Match match in pattern.Matches(text))
        {
            if (!Negated(text, match.Index))
            {
                count++;
            }
        }

        return count;
    }

    private static bool Negated(string text, int index)
    {
        var before = text[Math.Max(0, index - 24)..index];
        return Negation().IsMatch(before);
    }

    private static string StripReplyPrefixes(string subject) => ReplyPrefix().Replace(subject, "");

    private static string StripQuotedLines(string body) =>
        string.Join('\n', body.Split('\n').Where(line => !line.TrimStart().StartsWith('>')));

    private static string DetectLanguage(string text)
    {
        var words = Words().Matches(text).Select(m => m.Value).ToList();
        var es = words.Count(ClassifierPhrases.SpanishMarkers.Contains);
        var pt = words.Count(ClassifierPhrases.PortugueseMarkers.Contains);
        var en = words.Count(ClassifierPhrases.EnglishMarkers.Contains);
        if (es > en && es > pt)
        {
            return "es";
        }

        return pt > en && pt >= es ? "pt" : "en";
    }

    private static Jurisdiction DetectJurisdiction(string text) =>
        California().IsMatch(text) ? Jurisdiction.CCPA : Jurisdiction.GDPR;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\b(not|don't|dont|do not|never|cannot|can't|cant|unable to|no puedo|nao consigo|nao posso|nunca)\s+(\w+\s+){0,2}$")]
    private static partial Regex Negation();

    [GeneratedRegex(@"^\s*((re|fwd?|rv|res|enc|tr|aw)\s*:\s*)+", RegexOptions.IgnoreCase)]
    private static partial Regex ReplyPrefix();

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Words();

    [GeneratedRegex(@"\b(california|ccpa|cpra)\b")]
    private static partial Regex California();
}

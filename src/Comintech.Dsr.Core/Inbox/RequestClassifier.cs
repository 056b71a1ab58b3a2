using Comintech.Dsr.Inbox.Model;

namespace Comintech.Dsr.Inbox;

/// <summary>What an e-mail asks for, as the classifier reads it.</summary>
public enum MailIntent
{
    Access,
    Correction,
    Deletion,
    OptOut,

    /// <summary>An objection to (or restriction of) some processing other than marketing: staff decide what it asks for.</summary>
    Objection,

    /// <summary>An out-of-office or ticket-system reply that lacks the headers that mark it: never answered.</summary>
    AutoReply,

    /// <summary>A delivery failure report that lacks the headers that mark it: never answered.</summary>
    Bounce,
    Unclear,
}

/// <summary>
/// The classifier's answer: the intent, the language it was written in (en, es, pt), how sure it is
/// (<see cref="Confidence"/>, 0–1), its <see cref="BestGuess"/> (the intent it would have picked when unsure, for
/// staff), which reader decided (<see cref="Source"/>: rules or model) and the rule scores behind it.
/// </summary>
public sealed record MailClassification(
    MailIntent Intent, string Language, Jurisdiction Jurisdiction, IReadOnlyDictionary<MailIntent, int> Scores, double Confidence = 1, MailIntent? BestGuess = null, string Source = "rules")
{
    public string WireName => Intent.ToWire();

    /// <summary>What staff see as the suggestion: the intent, or for an unsure message the best guess.</summary>
    public string SuggestedName => Intent == MailIntent.Unclear && BestGuess is { } guess and not MailIntent.Unclear ? guess.ToWire() : WireName;

    /// <summary>The request type the intent names, or null for the others.</summary>
    public RequestType? RequestType => Intent switch
    {
        MailIntent.Access => Domain.RequestType.Access,
        MailIntent.Correction => Domain.RequestType.Correction,
        MailIntent.Deletion => Domain.RequestType.Deletion,
        MailIntent.OptOut => Domain.RequestType.OptOut,
        _ => null,
    };

    /// <summary>
    /// Staff decide before anything runs: unclear mail, objections, and corrections (the values read from free text
    /// are a proposal staff confirm). Access, deletion and opt-out run at once.
    /// </summary>
    public bool NeedsTriage => Intent is not (MailIntent.Access or MailIntent.Deletion or MailIntent.OptOut);

    /// <summary>An auto-reply or bounce recognised by its text: kept, never answered.</summary>
    public bool IsMachineMail => Intent is MailIntent.AutoReply or MailIntent.Bounce;
}

public static class MailIntentNames
{
    public static string ToWire(this MailIntent intent) => intent switch
    {
        MailIntent.OptOut => "opt-out",
        MailIntent.AutoReply => "auto-reply",
        _ => intent.ToString().ToLowerInvariant(),
    };

    public static MailIntent FromWire(string name) =>
        Enum.GetValues<MailIntent>().FirstOrDefault(i => i.ToWire() == name, MailIntent.Unclear);
}

/// <summary>
/// Classifies a request e-mail from its subject and body in English, Spanish and Portuguese. Two readers: weighted
/// phrases (subject counts double, quoted replies are ignored, a phrase right after a negation does not count),
/// which decide when they are sure unless the trained <see cref="IntentModel"/> is sure of something else, and
/// otherwise the model. A model answer below the minimum confidence is <see cref="MailIntent.Unclear"/> with the
/// model's best guess, so staff decide.
/// </summary>
public static partial class RequestClassifier
{
    /// <summary>The default of <c>Dsr:Inbox:MinimumConfidence</c>.</summary>
    public const double DefaultMinimumConfidence = 0.3;

    /// <summary>
    /// A deletion is started from the model's reading alone only above this confidence (whatever the setting): a misread
    /// deletion that the person then confirms with the code would erase data they never asked to erase.
    /// </summary>
    public const double DeletionMinimumConfidence = 0.7;

    /// <summary>The model's confidence above which its reading wins over phrase rules that name another request.</summary>
    public const double ModelOverridesRules = 0.6;

    public static MailClassification Classify(string subject, string body, double minimumConfidence = DefaultMinimumConfidence) =>
        Classify(subject, body, minimumConfidence, IntentModel.Shipped);

    /// <summary>Classifies with the given model; <paramref name="deletionMinimumConfidence"/> is only varied to measure what it costs.</summary>
    public static MailClassification Classify(string subject, string body, double minimumConfidence, IntentModel model, double deletionMinimumConfidence = DeletionMinimumConfidence)
    {
        var rules = ClassifyByRules(subject, body);
        var prediction = model.Predict(subject, body);
        var guess = MailIntentNames.FromWire(prediction.Label);
        var modelIsSure = prediction.Confidence >= ModelOverridesRules;
        var ranked = rules.Scores.OrderByDescending(s => s.Value).ToList();
        if (rules.Intent != MailIntent.Unclear && ranked[0].Value >= SureScore && ranked[1].Value == 0 && (guess == rules.Intent || !modelIsSure))
        {
            return rules;
        }

        if (ranked[1].Value >= MinimumScore && ranked[0].Value < ranked[1].Value * MixedMargin)
        {
            // Two requests named outright in one message ("send me a copy, then delete it"): staff decide the order.
            return rules with { Intent = MailIntent.Unclear, BestGuess = ranked[0].Key };
        }

        var needed = guess == MailIntent.Deletion ? Math.Max(minimumConfidence, deletionMinimumConfidence) : minimumConfidence;
        var intent = prediction.Confidence >= needed ? guess : MailIntent.Unclear;
        if (intent is MailIntent.AutoReply or MailIntent.Bounce && !SoundsAutomatic(subject, body))
        {
            // Machine mail is never answered: a short human reply to our own mail ("Yes, please go ahead.") that the model
            // reads as one goes to staff unless its text says it was sent by a machine (away, delivery failure).
            intent = MailIntent.Unclear;
        }

        return rules with { Intent = intent, Confidence = prediction.Confidence, BestGuess = guess, Source = "model" };
    }

    /// <summary>
    /// Phrase-rule scores. A clear winner scores at least <see cref="MinimumScore"/> and <see cref="WinningMargin"/> times
    /// the runner-up. The rules decide alone when the winner scores <see cref="SureScore"/> and no other request scores;
    /// a runner-up of <see cref="MinimumScore"/> within <see cref="MixedMargin"/> times the winner makes the message mixed.
    /// </summary>
    private const int MinimumScore = 3;
    private const double WinningMargin = 1.5;
    private const int SureScore = 3;
    private const int MixedMargin = 2;

    /// <summary>The phrase rules alone: a clear winner or <see cref="MailIntent.Unclear"/>.</summary>
    public static MailClassification ClassifyByRules(string subject, string body)
    {
        var cleanSubject = Normalise(StripReplyPrefixes(subject));
        var cleanBody = Normalise(StripQuotedLines(body));
        var scores = ClassifierPhrases.All.Select(p => p.Intent).Distinct().ToDictionary(i => i, _ => 0);
        foreach (var (intent, pattern, weight) in ClassifierPhrases.All)
        {
            scores[intent] += weight * ((2 * Count(pattern, cleanSubject)) + Math.Min(3, Count(pattern, cleanBody)));
        }

        var ranked = scores.OrderByDescending(s => s.Value).ToList();
        var (best, bestScore) = (ranked[0].Key, ranked[0].Value);
        var runnerUp = ranked[1].Value;
        var clear = bestScore >= MinimumScore && bestScore >= runnerUp * WinningMargin;
        var all = cleanSubject + "\n" + cleanBody;
        return new MailClassification(clear ? best : MailIntent.Unclear, DetectLanguage(all), DetectJurisdiction(all), scores, BestGuess: clear ? best : null);
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

    internal static string StripReplyPrefixes(string subject) => ReplyPrefix().Replace(subject, "");

    /// <summary>
    /// Whether the text says a machine wrote it. A reply's subject is our own ("Re: We have received your request"), so
    /// only the body of a reply counts: "ok, thanks" under it is a person's.
    /// </summary>
    private static bool SoundsAutomatic(string subject, string body) =>
        IntentLexicon.SoundsAutomatic(IntentModel.TextOf(ReplyPrefix().IsMatch(subject) ? "" : subject, body));

    internal static string StripQuotedLines(string body) => QuotedText.Strip(body);

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

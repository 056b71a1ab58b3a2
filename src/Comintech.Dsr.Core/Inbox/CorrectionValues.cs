namespace Comintech.Dsr.Inbox;

/// <summary>
/// The new values a correction e-mail gives, read from its text in English, Spanish and Portuguese: full name, phone,
/// postal address and e-mail (field names as the data map's: fullName, phone, postalAddress, email), and date of birth,
/// title and ID number (dateOfBirth, title, idNumber). A field the text names without a value that can be read (“my
/// date of birth is wrong”) is proposed with an empty value, so staff see which field to fill in. A proposal only:
/// staff confirm or edit it in the console when they classify the message.
/// </summary>
public static partial class CorrectionValues
{
    public const string FullName = "fullName";
    public const string Phone = "phone";
    public const string PostalAddress = "postalAddress";
    public const string Email = "email";
    public const string DateOfBirth = "dateOfBirth";
    public const string Title = "title";
    public const string IdNumber = "idNumber";

    public static IReadOnlyDictionary<string, string> Extract(string subject, string body, string? senderAddress)
    {
        var lines = $"{subject}\n{RequestClassifier.StripQuotedLines(body)}".Split('\n').Where(line => !QuoteHeader().IsMatch(line));
        var text = string.Join('\n', lines);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        Add(values, FullName, NamePattern().Matches(text), v => v.Split(' ').Length <= 8 && !StreetWord().IsMatch(v));
        Add(values, PostalAddress, AddressPattern().Matches(text), v => v.Any(char.IsAsciiDigit) && v.Count(char.IsLetter) >= 4 && v.Length >= 8 && !DatePattern().IsMatch(v));
        Add(values, Phone, PhonePattern().Matches(text).Reverse(), v => v.Count(char.IsAsciiDigit) is >= 7 and <= 15);
        var email = EmailPattern().Matches(text).Select(m => m.Groups["v"].Value.TrimEnd('.'))
            .FirstOrDefault(e => !e.Equals(senderAddress, StringComparison.OrdinalIgnoreCase) && RequestSubmissionValidator.IsEmail(e));
        if (email is not null)
        {
            values[Email] = email;
        }

        Named(values, DateOfBirth, BirthField().IsMatch(text), [.. DatePattern().Matches(text).Select(m => m.Groups["v"].Value)]);
        var titles = TitlePattern().Matches(text).Where(m => !RejectedBefore().IsMatch(text[Math.Max(0, m.Index - 16)..m.Index])).Select(m => m.Groups["v"].Value).ToList();
        Named(values, Title, TitleField().IsMatch(text) || titles.Distinct().Count() > 1, titles);
        var id = IdField().Match(text);
        Named(values, IdNumber, id.Success, id.Success ? [.. IdValue().Matches(text[id.Index..]).Select(m => m.Value).Where(v => v.Count(char.IsAsciiDigit) >= 5)] : []);
        if (values.TryGetValue(IdNumber, out var idNumber) && values.TryGetValue(Phone, out var phone) && Digits(phone) == Digits(idNumber))
        {
            values.Remove(Phone);
        }

        return values;
    }

    /// <summary>A field the text names: its last value (a corrected value follows the wrong one), else an empty value for staff to fill in.</summary>
    private static void Named(Dictionary<string, string> values, string field, bool named, IReadOnlyList<string> candidates)
    {
        if (named)
        {
            values[field] = candidates.Count > 0 ? candidates[^1].Trim().TrimEnd('.', ',') : "";
        }
    }

    private static string Digits(string value) => new([.. value.Where(char.IsAsciiDigit)]);

    /// <summary>
    /// The first match that looks like a value of the field (for a phone the last: "you have 0770 900123, that's my old
    /// one; the current number is 0770 900456", where a corrected value follows the wrong one).
    /// </summary>
    private static void Add(Dictionary<string, string> values, string field, IEnumerable<Match> matches, Func<string, bool> plausible)
    {
        foreach (var match in matches)
        {
            var value = SentenceEnd().Replace(match.Groups["v"].Value, "").Trim().TrimEnd('.', ',', ';', ' ');
            if (value.Length > 0 && value.Length <= RequestSubmissionValidator.MaxCorrectionValueLength && plausible(value))
            {
                values[field] = value;
                return;
            }
        }
    }

    /// <summary>Every pattern reads untrusted mail: culture-invariant, and stopped after 200 ms.</summary>
    private const RegexOptions AnyCase = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private const RegexOptions ExactCase = RegexOptions.CultureInvariant;
    private const int TimeoutMs = 200;

    private const string Name = @"(?-i:(?<v>\p{Lu}[\p{L}'’.-]*(?:[ \t]+(?:(?:de|del|da|das|do|dos|la|e|y|van|von)[ \t]+)?\p{Lu}[\p{L}'’.-]*){1,5}))";

    [GeneratedRegex(
        @"(?:(?:my|the)\s+(?:correct\s+|full\s+)?name\s+(?:is\s+now|is|should\s+(?:be|read))|name\s+is\s+now|should\s+read|it\s+should\s+be|name\s+on\s+my\s+account\s+to|now\s+called|correct\s+is|(?:now\s+)?go\s+by|correcto\s+es|ahora\s+firmo(?:\s+como)?|correto\s+(?:é|e)|(?:agora\s+)?assino" +
        @"|me\s+llamo|mi\s+nombre\s+(?:correcto\s+|completo\s+)?es|nombre\s+bien:|debe\s+ser|ahora\s+me\s+llamo" +
        @"|meu\s+nome\s+(?:correto\s+|completo\s+)?(?:é|e|agora\s+é)|agora\s+meu\s+nome\s+é|nome\s+certo:|deveria\s+ser|nome\s+(?:é|e)\s+agora)[:\s]+(?:Dr\.?\s+)?" + Name,
        AnyCase, TimeoutMs)]
    private static partial Regex NamePattern();

    [GeneratedRegex(
        @"(?:(?:new|postal|correct)\s+address(?:\s+is)?|address\s+is|(?:it\s+)?should\s+(?:read|be)|debe\s+ser|deveria\s+ser|(?:change|chnage|update)\s+(?:my\s+|the\s+)?(?:postal\s+)?ad{1,2}ress\s+to|(?:address|direcci[oó]n|endere[cç]o|morada)[^\n:.]{0,40}\b(?:changed|has\s+changed|cambi[oó]|ha\s+cambiado|mudou)\s*:|moved\s+(?:house\s*)?(?:to|:)|live\s+in\s+\w+\s+now|use\s+my\s+new\s+address|I\s+have\s+a\s+new\s+postal\s+address|(?:change|update)\s+it\s+to|I'?m\s+(?:now\s+)?at|should\s+go\s+to" +
        @"|(?:billing|delivery|home|shipping)\s+address(?:\s+from\s+now\s+on)?\s*(?:is|:)|address\s+from\s+now\s+on\s*(?:is|:)?|(?:nueva\s+)?direcci[oó]n(?:\s+postal)?(?:\s+(?:correcta|nueva|de\s+env[ií]o|de\s+facturaci[oó]n))?(?:\s+ahora)?\s*(?:es|:)|domicilio(?:\s+nuevo)?(?:\s+ahora)?\s*(?:es|:)|nuevo\s+domicilio|(?:ahora\s+)?vivo\s+en|direcci[oó]n\s+postal|pueden\s+poner|debe\s+ir\s+a" +
        @"|endere[cç]o(?:\s+novo|\s+correto)?\s*(?:é|e|:)|morada(?:\s+(?:nova|correta|certa|de\s+fatura[cç][aã]o))?(?:\s+agora)?\s*(?:é|e|:|passou\s+a\s+ser)|novo\s+endere[cç]o(?:\s+é)?|(?:agora\s+)?moro\s+(?:na|no|em)|endere[cç]o,?\s+agora\s+(?:é|e)|podem\s+colocar|o\s+certo\s+(?:é|e)|atualizar\s+meu\s+endere[cç]o)(?:[ \t]*:\s*|[ \t]+)(?<v>[^\n]{6,160})",
        AnyCase, TimeoutMs)]
    private static partial Regex AddressPattern();

    [GeneratedRegex(
        @"(?:phone|mobile|number|n[uú]mero|tel[eé]fono|m[oó]vil|telefone|celular|tel\.?)[^\n\d+(]{0,60}(?<v>\+?\(?\d[\d \t().-]{5,18}\d)",
        AnyCase, TimeoutMs)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(
        @"(?<v>[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})",
        ExactCase, TimeoutMs)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(
        @"\b(?:date\s+of\s+birth|birth\s*date|birthday|d\.?o\.?b\.?|born|fecha\s+de\s+nacimiento|nac[ií]|cumplea[nñ]os|data\s+de\s+nascimento|nasci|anivers[aá]rio)\b",
        AnyCase, TimeoutMs)]
    private static partial Regex BirthField();

    [GeneratedRegex(
        @"(?<v>\b\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}\b|\b(?:19|20)\d{2}-\d{2}-\d{2}\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:de\s+)?\p{L}{3,10}\.?,?\s+(?:de\s+)?(?:19|20)\d{2}\b|\b\p{L}{3,10}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{2}\b)",
        AnyCase, TimeoutMs)]
    private static partial Regex DatePattern();

    [GeneratedRegex(
        @"\b(?<!job\s)(?:title|salutation|addressed\s+as|form\s+of\s+address|t[ií]tulo|tratamiento|tratamento|pronome)\b",
        AnyCase, TimeoutMs)]
    private static partial Regex TitleField();

    /// <summary>Forms of address; two of them in one message ("you write Mrs, I am Ms") name the title field too.</summary>
    [GeneratedRegex(
        @"(?-i:\b(?<v>Mrs|Mr|Ms|Miss|Mx|Dr|Prof|Sra|Srta|Sr|Dra|Don|Do[nñ]a|Dª|Senhora|Senhor)\b)\.?",
        ExactCase, TimeoutMs)]
    private static partial Regex TitlePattern();

    [GeneratedRegex(
        @"\b(?:passport|id\s+(?:number|card|no)|identity\s+(?:number|card)|national\s+(?:id|insurance)|social\s+security|ssn|dni|nie|nif|pasaporte|documento|c[eé]dula|cpf|rg|passaporte|cart[aã]o\s+de\s+cidad[aã]o|identidade)\b",
        AnyCase, TimeoutMs)]
    private static partial Regex IdField();

    [GeneratedRegex(
        @"(?<![\w.-])[A-Z]{0,3}\d[\d.-]{3,16}[\dA-Z](?![\w-])",
        ExactCase, TimeoutMs)]
    private static partial Regex IdValue();

    /// <summary>Words that mark the value after them as the wrong one ("Dr rather than Mr").</summary>
    [GeneratedRegex(
        @"\b(?:rather\s+than|instead\s+of|not|en\s+lugar\s+de|en\s+vez\s+de|y\s+no|em\s+vez\s+de|e\s+n[aã]o|no|n[aã]o)\s*$",
        AnyCase, TimeoutMs)]
    private static partial Regex RejectedBefore();

    /// <summary>A street word opening a value read after "should be": an address, not a name.</summary>
    [GeneratedRegex(
        @"^(?:Flat|Apartment|Calle|C/|Avenida|Avda|Av|Plaza|Paseo|Rua|Travessa|Alameda|Rodovia|Estrada)\b",
        ExactCase, TimeoutMs)]
    private static partial Regex StreetWord();

    /// <summary>The rest of the sentence after the value ("... LS6 2AB. Please fix it.").</summary>
    [GeneratedRegex(
        @"(?:(?<!\b(?:av|avda|dr|st|rd|apto|n|no))\.\s+(?-i:[\p{Lu}¿¡])|[.!?]\s*$|\s+(?:please|por\s+favor|pfv|porfa|thanks|gracias|obrigad[oa])\b).*$",
        AnyCase, TimeoutMs)]
    private static partial Regex SentenceEnd();

    /// <summary>The header lines of a quoted or forwarded message, which name other people and addresses.</summary>
    [GeneratedRegex(
        @"^\s*(?:-+\s*(?:forwarded|mensaje reenviado|mensagem encaminhada)|On .+ wrote:|El .+ escribi[oó]:|Em .+ escreveu:|(?:from|to|cc|de|para|sent|enviado|date|fecha|data|subject|asunto|assunto)\s*:)",
        AnyCase, TimeoutMs)]
    private static partial Regex QuoteHeader();
}

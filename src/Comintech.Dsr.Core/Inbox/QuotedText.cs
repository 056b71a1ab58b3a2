namespace Comintech.Dsr.Inbox;

/// <summary>
/// What the sender wrote themselves: quoted reply lines ('>'), everything from a reply attribution ("On … wrote:",
/// "El … escribió:", "Em … escreveu:") or an "Original Message" marker or a signature delimiter ("-- ") on, the header
/// lines of a forwarded message (its text stays: a forwarded request is still the request), confidentiality footers
/// ("… confidential … received in error, please delete it"), and the signature block after a closing line ("Kind
/// regards,", "Un saludo", "Atenciosamente") that ends the message: a few words of the sender's before it and at most
/// <see cref="MaxSignatureLines"/> lines after it.
/// </summary>
internal static partial class QuotedText
{
    private const int MaxSignatureLines = 8;
    private const int MinWordsBeforeClosing = 4;

    public static string Strip(string body)
    {
        var kept = new List<string>();
        foreach (var line in body.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed == "--" || Attribution().IsMatch(trimmed) || OriginalMessage().IsMatch(trimmed))
            {
                break;
            }

            if (!trimmed.StartsWith('>') && !ForwardHeader().IsMatch(trimmed) && !Disclaimer().IsMatch(trimmed))
            {
                kept.Add(line);
            }
        }

        return string.Join('\n', WithoutSignature(kept));
    }

    /// <summary>The lines up to a closing line with the sender's text before it and only a short block after it.</summary>
    private static List<string> WithoutSignature(List<string> lines)
    {
        for (var i = 1; i < lines.Count; i++)
        {
            if (Closing().IsMatch(lines[i].Trim())
                && lines.Take(i).Sum(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length) >= MinWordsBeforeClosing
                && lines.Skip(i + 1).Count(l => l.Trim().Length > 0) <= MaxSignatureLines)
            {
                return lines[..i];
            }
        }

        return lines;
    }

    [GeneratedRegex(@"^(on|el|em)\b.{0,160}\b(wrote|escribi[oó]|escreveu)\s*:?\s*$", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"^-{2,}\s*(original message|mensaje original|mensagem original)\s*-{2,}", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex OriginalMessage();

    [GeneratedRegex(@"^(-{3,}.*(forwarded|reenviado|encaminhada).*-{3,}|(from|de|to|para|cc|sent|enviado|date|fecha|data)\s*:.*)$", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex ForwardHeader();

    [GeneratedRegex(@"^(?=.*\b(confidential|privileged|confidencia(l|is)|privilegiad[oa]|sigilos[oa]))(?=.*\b(in error|by mistake|por error|por engano|por equivoco|intended|destinat[aá]ri[oa]))", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex Disclaimer();

    [GeneratedRegex(@"^((best|kind|warm|many)?\s*(regards|wishes|thanks)|regards|cheers|sincerely|thank you|thanks|yours( (faithfully|sincerely|truly))?|(un )?(cordial )?saludo|saludos( cordiales)?|atentamente|cordialmente|un abrazo|atenciosamente|att\.?|abra[cç]os?|cumprimentos|(com os )?melhores cumprimentos|obrigad[oa]|gracias|muchas gracias)\s*[,.!]?$", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex Closing();
}

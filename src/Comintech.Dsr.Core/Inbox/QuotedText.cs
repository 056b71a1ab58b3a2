using System.Text.RegularExpressions;

namespace Comintech.Dsr.Inbox;

/// <summary>
/// What the sender wrote themselves: quoted reply lines ('>'), everything from a reply attribution ("On … wrote:",
/// "El … escribió:", "Em … escreveu:") or an "Original Message" marker or a signature delimiter ("-- ") on, and the
/// header lines of a forwarded message (its text stays: a forwarded request is still the request).
/// </summary>
internal static partial class QuotedText
{
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

            if (!trimmed.StartsWith('>') && !ForwardHeader().IsMatch(trimmed))
            {
                kept.Add(line);
            }
        }

        return string.Join('\n', kept);
    }

    [GeneratedRegex(@"^(on|el|em)\b.{0,160}\b(wrote|escribi[oó]|escreveu)\s*:?\s*$", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"^-{2,}\s*(original message|mensaje original|mensagem original)\s*-{2,}", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex OriginalMessage();

    [GeneratedRegex(@"^(-{3,}.*(forwarded|reenviado|encaminhada).*-{3,}|(from|de|to|para|cc|sent|enviado|date|fecha|data)\s*:.*)$", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex ForwardHeader();
}

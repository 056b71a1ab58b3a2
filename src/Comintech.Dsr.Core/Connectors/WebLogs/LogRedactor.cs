using System.Text;
using System.Text.RegularExpressions;
using Comintech.Dsr.Storage;

namespace Comintech.Dsr.Connectors.WebLogs;

/// <summary>One identifier to find in log lines, the requests it belongs to, and the pseudonym that replaces it.</summary>
internal sealed record LogNeedle(string Value, string Pseudonym, IReadOnlySet<string> RequestIds);

/// <summary>
/// Finds the identifiers of one or more people in NCSA combined log lines (as whole tokens: an IP is not matched
/// inside a longer address; an e-mail also in its URL-encoded form) and replaces them with keyed pseudonyms.
/// </summary>
internal sealed partial class LogRedactor
{
    private readonly Dictionary<string, LogNeedle> byValue = new(StringComparer.OrdinalIgnoreCase);
    private readonly Regex? pattern;

    public LogRedactor(IEnumerable<(string RequestId, string Value, bool IsEmail)> identifiers, IdentifierHasher hasher)
    {
        var owners = new Dictionary<string, (HashSet<string> Requests, bool IsEmail)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (requestId, value, isEmail) in identifiers.Where(i => !string.IsNullOrWhiteSpace(i.Value)))
        {
            var forms = isEmail ? new[] { value.Trim(), Uri.EscapeDataString(value.Trim()) } : [value.Trim()];
            foreach (var form in forms)
            {
                if (!owners.TryGetValue(form, out var owner))
                {
                    owners[form] = owner = ([], isEmail);
                }

                owner.Requests.Add(requestId);
            }
        }

        foreach (var (value, owner) in owners)
        {
            var prefix = owner.IsEmail ? "email-" : "ip-";
            var digest = hasher.Hash("weblog:" + Uri.UnescapeDataString(value))[..16];
            byValue[value] = new LogNeedle(value, prefix + digest, owner.Requests);
        }

        if (byValue.Count > 0)
        {
            var alternatives = string.Join('|', byValue.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape));
            pattern = new Regex(
                $"(?<![A-Za-z0-9._%+:@-])(?:{alternatives})(?![A-Za-z0-9_:@-])",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2));
        }
    }

    public bool IsEmpty => pattern is null;

    /// <summary>The requests whose identifiers the line holds (empty: none).</summary>
    public IReadOnlySet<string> Owners(string line)
    {
        var owners = new HashSet<string>(StringComparer.Ordinal);
        if (pattern is not null)
        {
            foreach (Match match in pattern.Matches(line))
            {
                owners.UnionWith(byValue[match.Value].RequestIds);
            }
        }

        return owners;
    }

    /// <summary>The identifier values the line holds, as they were given.</summary>
    public IReadOnlyList<string> Values(string line) =>
        pattern is null ? [] : [.. pattern.Matches(line).Select(m => byValue[m.Value].Value).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The time of an NCSA line (<c>[28/Nov/2026:10:15:32 +0000]</c>), or null when it has none.</summary>
    public static DateTimeOffset? TimeOf(string line)
    {
        var match = NcsaTime().Match(line);
        if (!match.Success || !DateTime.TryParseExact(match.Groups[1].Value, "dd/MMM/yyyy:HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var local))
        {
            return null;
        }

        var zone = match.Groups[2].Value;
        var offset = new TimeSpan(int.Parse(zone[1..3], System.Globalization.CultureInfo.InvariantCulture), int.Parse(zone[3..5], System.Globalization.CultureInfo.InvariantCulture), 0);
        return new DateTimeOffset(local, zone[0] == '-' ? -offset : offset);
    }

    [GeneratedRegex(@"\[(\d{2}/[A-Za-z]{3}/\d{4}:\d{2}:\d{2}:\d{2}) ([+-]\d{4})\]", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex NcsaTime();

    public string Redact(string line) => pattern is null ? line : pattern.Replace(line, m => byValue[m.Value].Pseudonym);

    /// <summary>Splits a log's text into lines, keeping each line's ending so a rewrite changes nothing else.</summary>
    public static IEnumerable<string> Lines(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            yield return text[start..end];
            start = end;
        }
    }

    public static string Join(IEnumerable<string> lines)
    {
        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            builder.Append(line);
        }

        return builder.ToString();
    }
}

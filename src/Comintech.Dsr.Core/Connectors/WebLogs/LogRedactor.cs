using System.Buffers;

namespace Comintech.Dsr.Connectors.WebLogs;

/// <summary>One identifier to find in log lines, the requests it belongs to, and the pseudonym that replaces it.</summary>
internal sealed record LogNeedle(string Value, string Pseudonym, IReadOnlySet<string> RequestIds);

/// <summary>One line holding identifiers: where it is in the text (with its line ending) and whose identifiers they are.</summary>
internal readonly record struct LogLine(int Start, int Length, IReadOnlySet<string> Owners);

/// <summary>
/// Finds the identifiers of one or more people in NCSA combined log lines (as whole tokens: an IP is not matched
/// inside a longer address; an e-mail also in its URL-encoded form) and replaces them with keyed pseudonyms.
/// </summary>
internal sealed partial class LogRedactor
{
    private readonly Dictionary<string, LogNeedle> byValue = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, LogNeedle>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly int[] lengths;
    private readonly SearchValues<string> needles;

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

        lookup = byValue.GetAlternateLookup<ReadOnlySpan<char>>();
        lengths = [.. byValue.Keys.Select(k => k.Length).Distinct().OrderDescending()];
        needles = Prefilter(byValue.Keys);
    }

    /// <summary>
    /// What the search looks for first: the longest prefixes the identifiers share when they are few (people of one
    /// network or domain: a vectorised search for a handful of strings), else the identifiers themselves. Each hit is
    /// then checked against the identifiers whole.
    /// </summary>
    private static SearchValues<string> Prefilter(IReadOnlyCollection<string> values)
    {
        for (var length = values.Count == 0 ? 0 : values.Min(v => v.Length); length >= 3; length--)
        {
            var prefixes = values.Select(v => v[..length]).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            if (prefixes.Length <= 16)
            {
                return SearchValues.Create(prefixes, StringComparison.OrdinalIgnoreCase);
            }
        }

        return SearchValues.Create([.. values], StringComparison.OrdinalIgnoreCase);
    }

    public bool IsEmpty => byValue.Count == 0;

    /// <summary>Every form searched for (an e-mail also URL-encoded).</summary>
    public IReadOnlyCollection<string> Needles => byValue.Keys;

    /// <summary>
    /// The lines of <paramref name="text"/> holding an identifier, each with the requests it belongs to, found in one
    /// pass over the whole text (no per-line strings: most lines hold nothing).
    /// </summary>
    public List<LogLine> MatchingLines(ReadOnlySpan<char> text)
    {
        var lines = new List<LogLine>();
        foreach (var (index, needle) in Find(text))
        {
            if (lines.Count > 0 && index < lines[^1].Start + lines[^1].Length)
            {
                lines[^1] = lines[^1] with { Owners = new HashSet<string>(lines[^1].Owners.Concat(needle.RequestIds), StringComparer.Ordinal) };
                continue;
            }

            var start = text[..index].LastIndexOf('\n') + 1;
            var end = text[index..].IndexOf('\n');
            end = end < 0 ? -1 : index + end;
            lines.Add(new LogLine(start, (end < 0 ? text.Length : end + 1) - start, needle.RequestIds));
        }

        return lines;
    }

    /// <summary>The requests whose identifiers the line holds (empty: none).</summary>
    public IReadOnlySet<string> Owners(string line) => Find(line).SelectMany(m => m.Needle.RequestIds).ToHashSet(StringComparer.Ordinal);

    /// <summary>The identifier values the line holds, as they were given.</summary>
    public IReadOnlyList<string> Values(string line) =>
        [.. Find(line).Select(m => m.Needle.Value).Distinct(StringComparer.OrdinalIgnoreCase)];

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

    public string Redact(string line)
    {
        var redacted = new StringBuilder(line.Length);
        var copied = 0;
        foreach (var (index, needle) in Find(line))
        {
            redacted.Append(line, copied, index - copied).Append(needle.Pseudonym);
            copied = index + needle.Value.Length;
        }

        return copied == 0 ? line : redacted.Append(line, copied, line.Length - copied).ToString();
    }

    /// <summary>
    /// Each identifier in <paramref name="text"/> as a whole token (the longest at a place; an IP not inside a longer
    /// address), left to right, found with a vectorised multi-string search.
    /// </summary>
    private List<(int Index, LogNeedle Needle)> Find(ReadOnlySpan<char> text)
    {
        var found = new List<(int, LogNeedle)>();
        var from = 0;
        while (!IsEmpty && from < text.Length)
        {
            var at = text[from..].IndexOfAny(needles);
            if (at < 0)
            {
                break;
            }

            at += from;
            var needle = TokenAt(text, at);
            if (needle is null)
            {
                from = at + 1;
                continue;
            }

            found.Add((at, needle));
            from = at + needle.Value.Length;
        }

        return found;
    }

    private LogNeedle? TokenAt(ReadOnlySpan<char> text, int at)
    {
        if (at > 0 && IsTokenChar(text[at - 1], before: true))
        {
            return null;
        }

        foreach (var length in lengths)
        {
            if (at + length <= text.Length
                && lookup.TryGetValue(text.Slice(at, length), out var needle)
                && (at + length == text.Length || !IsTokenChar(text[at + length], before: false)))
            {
                return needle;
            }
        }

        return null;
    }

    // A token does not continue through these characters: before it [A-Za-z0-9._%+:@-], after it [A-Za-z0-9_:@-].
    private static bool IsTokenChar(char c, bool before) =>
        char.IsAsciiLetterOrDigit(c) || c is '_' or ':' or '@' or '-' || (before && c is '.' or '%' or '+');

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

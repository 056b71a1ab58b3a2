namespace Comintech.Dsr.Inbox;

/// <summary>
/// SPF, DKIM and DMARC results as the receiving side reported them: SendGrid's fields of an authenticated post, or
/// Authentication-Results headers written by our own servers (named by their authserv-id); the message's other headers
/// are the sender's word and are not read. Recorded as evidence only: identity is always proven by the code sent to the From address.
/// </summary>
public sealed partial record SenderAuthentication(string Spf, string Dkim, string Dmarc)
{
    public const string Unknown = "none-reported";

    /// <param name="transport">What the transport reported (SendGrid's fields of a post with the right key), or null.</param>
    /// <param name="authServIds">Our receiving servers' authserv-ids: only their Authentication-Results count.</param>
    public static SenderAuthentication FromHeaders(MimeMessage message, SenderAuthentication? transport, IReadOnlyCollection<string> authServIds)
    {
        var results = string.Join(';', message.Headers
            .Where(h => h.Field.Equals("Authentication-Results", StringComparison.OrdinalIgnoreCase) && authServIds.Contains(AuthServId(h.Value), StringComparer.OrdinalIgnoreCase))
            .Select(h => h.Value));
        var spf = transport?.Spf is { } s && s != Unknown ? s : Result(Method("spf").Match(results)) ?? Unknown;
        var dkim = transport?.Dkim is { } d && d != Unknown ? d : Result(Method("dkim").Match(results)) ?? Unknown;
        var dmarc = Result(Method("dmarc").Match(results)) ?? Unknown;
        return new SenderAuthentication(spf, dkim, dmarc);
    }

    /// <summary>The authserv-id: the first word of the header, before any version and the first <c>;</c> (RFC 8601).</summary>
    private static string AuthServId(string value) => value.Split(';')[0].Trim().Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";

    /// <summary>
    /// Whether the sender's domain authentication aligns with the From address: DMARC passed, or DKIM passed with a
    /// signing domain (Authentication-Results <c>header.d</c>/<c>header.i</c>) equal to the From domain.
    /// </summary>
    public bool AlignsWith(MimeMessage message)
    {
        if (Dmarc == "pass")
        {
            return true;
        }

        var domain = message.From.Mailboxes.FirstOrDefault()?.Domain;
        if (domain is null || !Dkim.Split(',').Contains("pass"))
        {
            return false;
        }

        var results = string.Join(';', message.Headers.Where(h => h.Field.Equals("Authentication-Results", StringComparison.OrdinalIgnoreCase)).Select(h => h.Value));
        return DkimPassDomain().Matches(results).Any(m => m.Groups[1].Value.TrimEnd('.').Equals(domain, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>From SendGrid's <c>SPF</c> field ("pass") and <c>dkim</c> field ("{@example.com : pass}"): results only, no domains.</summary>
    public static SenderAuthentication FromSendGrid(string? spf, string? dkim)
    {
        var spfResult = Result(FirstWord().Match(spf ?? "")) ?? Unknown;
        var dkimResults = DkimResult().Matches(dkim ?? "").Select(m => m.Groups[1].Value.ToLowerInvariant()).Distinct().ToList();
        return new SenderAuthentication(spfResult, dkimResults.Count == 0 ? Unknown : string.Join(',', dkimResults), Unknown);
    }

    private static string? Result(Match match) =>
        match.Success && Known.Contains(match.Groups[1].Value.ToLowerInvariant()) ? match.Groups[1].Value.ToLowerInvariant() : null;

    private static readonly HashSet<string> Known = ["pass", "fail", "softfail", "neutral", "none", "temperror", "permerror", "policy"];

    private static Regex Method(string name) => name switch
    {
        "spf" => SpfResult(),
        "dkim" => DkimHeaderResult(),
        _ => DmarcResult(),
    };

    [GeneratedRegex(@"\bspf=(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex SpfResult();

    [GeneratedRegex(@"\bdkim=(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex DkimHeaderResult();

    [GeneratedRegex(@"\bdmarc=(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex DmarcResult();

    [GeneratedRegex(@"\bdkim=pass\b[^;]*?\bheader\.[di]=[^@;\s]*@?([A-Za-z0-9.-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex DkimPassDomain();

    [GeneratedRegex(@"^\s*(\w+)")]
    private static partial Regex FirstWord();

    [GeneratedRegex(@":\s*(\w+)")]
    private static partial Regex DkimResult();
}

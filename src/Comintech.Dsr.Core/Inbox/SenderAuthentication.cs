namespace Comintech.Dsr.Inbox;

/// <summary>
/// SPF, DKIM and DMARC results as the receiving side reported them: SendGrid's fields of an authenticated post, or
/// Authentication-Results headers written by our own servers (named by their authserv-id); the message's other headers
/// are the sender's word and are not read. Recorded as evidence only: identity is always proven by the code sent to the From address.
/// </summary>
/// <param name="DkimPassDomains">
/// The signing domains of the DKIM signatures that passed (comma-separated, lower case), from the same source as
/// <paramref name="Dkim"/>: never from a header the sender could have written.
/// </param>
public sealed partial record SenderAuthentication(string Spf, string Dkim, string Dmarc, string DkimPassDomains = "")
{
    public const string Unknown = "none-reported";

    /// <param name="transport">What the transport reported (SendGrid's fields of a post with the right key), or null.</param>
    /// <param name="authServIds">Our receiving servers' authserv-ids: only their Authentication-Results count.</param>
    public static SenderAuthentication FromHeaders(MimeMessage message, SenderAuthentication? transport, IReadOnlyCollection<string> authServIds)
    {
        var results = string.Join(';', message.Headers
            .Where(h => h.Field.Equals("Authentication-Results", StringComparison.OrdinalIgnoreCase) && authServIds.Contains(AuthServId(h.Value), StringComparer.OrdinalIgnoreCase))
            .Select(h => h.Value));
        var spf = transport?.Spf is { } s && s != Unknown ? s : Reported(results, "spf") ?? Unknown;
        var dmarc = Reported(results, "dmarc") ?? Unknown;
        return transport is { Dkim: not Unknown }
            ? new SenderAuthentication(spf, transport.Dkim, dmarc, transport.DkimPassDomains)
            : new SenderAuthentication(spf, Reported(results, "dkim") ?? Unknown, dmarc, Domains(DkimPassDomain().Matches(results)));
    }

    /// <summary>The authserv-id: the first word of the header, before any version and the first <c>;</c> (RFC 8601).</summary>
    private static string AuthServId(string value) => value.Split(';')[0].Trim().Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";

    /// <summary>
    /// Whether the sender's domain authentication aligns with the From address: DMARC passed, or a DKIM signature that
    /// passed was made by the From domain (Authentication-Results <c>header.d</c>/<c>header.i</c>, or SendGrid's dkim field).
    /// </summary>
    public bool AlignsWith(MimeMessage message) =>
        Dmarc == "pass"
        || (message.From.Mailboxes.FirstOrDefault()?.Domain is { Length: > 0 } domain
            && DkimPassDomains.Split(',').Contains(domain.TrimEnd('.').ToLowerInvariant()));

    /// <summary>From SendGrid's <c>SPF</c> field ("pass") and <c>dkim</c> field ("{@example.com : pass}").</summary>
    public static SenderAuthentication FromSendGrid(string? spf, string? dkim)
    {
        var spfResult = Result(FirstWord().Match(spf ?? "").Groups[1]) ?? Unknown;
        var signatures = SendGridDkim().Matches(dkim ?? "");
        var dkimResults = signatures.Select(m => m.Groups["result"].Value.ToLowerInvariant()).Distinct().ToList();
        var passed = signatures.Where(m => m.Groups["result"].Value.Equals("pass", StringComparison.OrdinalIgnoreCase));
        return new SenderAuthentication(spfResult, dkimResults.Count == 0 ? Unknown : string.Join(',', dkimResults), Unknown, Domains(passed));
    }

    /// <summary>Results only: the signing domains name the sender's domain, which is not for logs.</summary>
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append(CultureInfo.InvariantCulture, $"Spf = {Spf}, Dkim = {Dkim}, Dmarc = {Dmarc}");
        return true;
    }

    /// <summary>The first result the headers report for a method (<c>spf=pass</c>), when it is a known result.</summary>
    private static string? Reported(string results, string method) =>
        MethodResults().Matches(results).FirstOrDefault(m => m.Groups["method"].Value.Equals(method, StringComparison.OrdinalIgnoreCase)) is { } match
            ? Result(match.Groups["result"])
            : null;

    private static string? Result(Group result) =>
        result.Success && Known.Contains(result.Value.ToLowerInvariant()) ? result.Value.ToLowerInvariant() : null;

    private static string Domains(IEnumerable<Match> signatures) =>
        string.Join(',', signatures.Select(m => m.Groups["domain"].Value.TrimEnd('.').ToLowerInvariant()).Where(d => d.Length > 0).Distinct());

    private static readonly HashSet<string> Known = ["pass", "fail", "softfail", "neutral", "none", "temperror", "permerror", "policy"];

    [GeneratedRegex(@"\b(?<method>spf|dkim|dmarc)=(?<result>\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex MethodResults();

    [GeneratedRegex(@"\bdkim=pass\b[^;]*?\bheader\.[di]=(?:[^@;\s]*@)?(?<domain>[a-z0-9.-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex DkimPassDomain();

    [GeneratedRegex(@"@?(?<domain>[a-z0-9.-]*)\s*:\s*(?<result>[a-z]+)", RegexOptions.IgnoreCase)]
    private static partial Regex SendGridDkim();

    [GeneratedRegex(@"^\s*([a-z]+)", RegexOptions.IgnoreCase)]
    private static partial Regex FirstWord();
}

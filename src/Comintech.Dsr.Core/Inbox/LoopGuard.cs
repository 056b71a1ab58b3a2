namespace Comintech.Dsr.Inbox;

/// <summary>
/// Mail that must never be answered: auto-replies, bounces and delivery reports, mailing-list traffic and our own
/// messages. Answering them makes mail loops; the raw message is still kept.
/// </summary>
public sealed class LoopGuard(IOptions<InboxOptions> inbox, IOptions<MailOptions> mail)
{
    private static readonly string[] BulkPrecedence = ["bulk", "junk", "list", "auto_reply", "auto-reply"];
    private static readonly string[] SystemSenders = ["mailer-daemon", "postmaster", "noreply", "no-reply", "donotreply", "do-not-reply"];

    /// <returns>Why the message must be left unanswered, or null when it may be answered.</returns>
    public string? ReasonToIgnore(ParsedMail mail)
    {
        var headers = mail.Message.Headers;
        if (headers[HeaderId.AutoSubmitted] is { } autoSubmitted && !autoSubmitted.Trim().StartsWith("no", StringComparison.OrdinalIgnoreCase))
        {
            return "auto-submitted";
        }

        if (headers["X-Autoreply"] is not null || headers["X-Autorespond"] is not null || headers["X-Autoresponse"] is not null)
        {
            return "auto-reply";
        }

        if (headers["Precedence"] is { } precedence && BulkPrecedence.Contains(precedence.Trim().ToLowerInvariant()))
        {
            return "precedence-" + precedence.Trim().ToLowerInvariant();
        }

        if (headers[HeaderId.ReturnPath] is { } returnPath && returnPath.Trim() is "<>" or "")
        {
            return "empty-return-path";
        }

        if (mail.IsDeliveryReport)
        {
            return "delivery-report";
        }

        if (headers[HeaderId.ListId] is not null || headers[HeaderId.ListUnsubscribe] is not null || headers["List-Post"] is not null)
        {
            return "mailing-list";
        }

        var sender = mail.Sender?.Address ?? "";
        var local = sender.Split('@')[0].ToLowerInvariant();
        if (SystemSenders.Contains(local))
        {
            return "system-sender";
        }

        var own = OwnDomains();
        return own.Contains(DomainOf(mail.MessageId)) || own.Contains(DomainOf(sender)) ? "own-message" : null;
    }

    private HashSet<string> OwnDomains()
    {
        var domains = new HashSet<string>(inbox.Value.OwnDomains.Select(d => d.Trim().ToLowerInvariant()), StringComparer.Ordinal)
        {
            DomainOf(mail.Value.FromAddress),
        };
        domains.Remove("");
        return domains;
    }

    private static string DomainOf(string? address) =>
        address is not null && address.LastIndexOf('@') is var at and >= 0 ? address[(at + 1)..].Trim().TrimEnd('>').ToLowerInvariant() : "";
}

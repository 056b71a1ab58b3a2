namespace Comintech.Dsr.Inbox;

/// <summary>
/// A message the parser accepted. <see cref="Text"/> is what the person wrote (plain text, or HTML made text, plus any
/// forwarded message's text); it is personal data and stays in memory and the request store.
/// </summary>
public sealed record ParsedMail(MimeMessage Message, string Text, int Attachments, bool IsDeliveryReport)
{
    public string Subject => Message.Subject ?? "";

    public MailboxAddress? Sender => Message.From.Mailboxes.FirstOrDefault();

    /// <summary>The Message-ID without angle brackets, or null when the message has none.</summary>
    public string? MessageId => string.IsNullOrWhiteSpace(Message.MessageId) ? null : Message.MessageId.Trim();
}

/// <summary>Why a message was refused; the code is stable (tests, evidence), the detail is for people.</summary>
public sealed record MailRejection(string Code, string Detail)
{
    public static readonly MailRejection Empty = new("empty", "The message is empty.");
    public static readonly MailRejection NotAMessage = new("not-a-message", "The content is not an e-mail message (RFC 5322).");
    public static readonly MailRejection TooDeep = new("too-deeply-nested", "The message nests MIME parts too deeply.");
    public static readonly MailRejection TooManyParts = new("too-many-parts", "The message has too many MIME parts.");
    public static readonly MailRejection MalformedMultipart = new("malformed-multipart", "A multipart section has no readable parts (missing or wrong boundary).");
    public static readonly MailRejection NoSender = new("no-sender", "The message has no valid From address to reply to.");

    public static MailRejection TooLarge(int limit) => new("too-large", $"The message is larger than {limit / (1024 * 1024)} MB.");
}

/// <summary>Either a parsed message or the reason it was refused.</summary>
public sealed record MailParseResult(ParsedMail? Mail, MailRejection? Rejection)
{
    public static MailParseResult Accepted(ParsedMail mail) => new(mail, null);

    public static MailParseResult Rejected(MailRejection rejection) => new(null, rejection);
}

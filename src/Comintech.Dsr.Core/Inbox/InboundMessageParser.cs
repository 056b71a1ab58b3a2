namespace Comintech.Dsr.Inbox;

/// <summary>
/// Parses a raw RFC 5322 message with MimeKit (charsets, quoted-printable, base64, HTML-only mail, attached messages)
/// and refuses what is not a message or is built to exhaust the parser (deep nesting, too many parts).
/// </summary>
public sealed class InboundMessageParser(IOptions<InboxOptions> options)
{
    private const int MaxTextChars = 100_000;
    private const int SniffBytes = 4096;

    public MailParseResult Parse(ReadOnlyMemory<byte> raw)
    {
        if (raw.IsEmpty)
        {
            return MailParseResult.Rejected(MailRejection.Empty);
        }

        if (LooksBinary(raw.Span[..Math.Min(raw.Length, SniffBytes)]))
        {
            return MailParseResult.Rejected(MailRejection.NotAMessage);
        }

        var inbox = options.Value;
        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(raw.ToArray(), writable: false);
            var parser = new MimeParser(new ParserOptions { MaxMimeDepth = inbox.MaxMimeDepth + 2 }, stream, MimeFormat.Entity);
            message = parser.ParseMessage();
        }
        catch (FormatException)
        {
            return MailParseResult.Rejected(MailRejection.NotAMessage);
        }

        var headers = message.Headers;
        if (!headers.Contains(HeaderId.From) && !headers.Contains(HeaderId.Date) && !headers.Contains(HeaderId.MessageId) && !headers.Contains(HeaderId.Received))
        {
            return MailParseResult.Rejected(MailRejection.NotAMessage);
        }

        var shape = new Shape();
        if (Walk(message.Body, 1, inbox, shape) is { } rejection)
        {
            return MailParseResult.Rejected(rejection);
        }

        var text = shape.Text.Length > MaxTextChars ? shape.Text.ToString(0, MaxTextChars) : shape.Text.ToString();
        var isReport = message.Body is MultipartReport || message.Body?.ContentType.IsMimeType("multipart", "report") == true;
        return MailParseResult.Accepted(new ParsedMail(message, text, shape.Attachments, isReport));
    }

    private static bool LooksBinary(ReadOnlySpan<byte> head)
    {
        var control = 0;
        foreach (var b in head)
        {
            if (b == 0 || (b < 0x20 && b is not ((byte)'\r' or (byte)'\n' or (byte)'\t' or 0x1B or 0x0C)) || b == 0x7F)
            {
                control++;
            }
        }

        return control > head.Length / 50;
    }

    private sealed class Shape
    {
        public StringBuilder Text { get; } = new();

        public int Parts { get; set; }

        public int Attachments { get; set; }
    }

    private static MailRejection? Walk(MimeEntity? entity, int depth, InboxOptions inbox, Shape shape)
    {
        if (entity is null)
        {
            return null;
        }

        if (depth > inbox.MaxMimeDepth)
        {
            return MailRejection.TooDeep;
        }

        if (++shape.Parts > inbox.MaxMimeParts)
        {
            return MailRejection.TooManyParts;
        }

        switch (entity)
        {
            case Multipart multipart:
                if (multipart.Count == 0)
                {
                    return MailRejection.MalformedMultipart;
                }

                var alternatives = multipart.ContentType.IsMimeType("multipart", "alternative");
                var children = alternatives ? [PreferredAlternative(multipart)] : multipart.ToList();
                foreach (var child in children)
                {
                    if (Walk(child, depth + 1, inbox, shape) is { } rejection)
                    {
                        return rejection;
                    }
                }

                return null;
            case MessagePart { Message: { } forwarded }:
                shape.Attachments++;
                Append(shape.Text, $"Subject: {forwarded.Subject}");
                return Walk(forwarded.Body, depth + 1, inbox, shape);
            case TextPart text when !text.IsAttachment:
                Append(shape.Text, text.IsHtml ? HtmlText.ToPlainText(text.Text) : text.Text);
                return null;
            default:
                shape.Attachments += entity is MimePart ? 1 : 0;
                return null;
        }
    }

    /// <summary>Of multipart/alternative, the plain text part if there is one (it is what the person wrote), else the last.</summary>
    private static MimeEntity PreferredAlternative(Multipart alternative) =>
        alternative.OfType<TextPart>().FirstOrDefault(p => p.IsPlain) ?? alternative[^1];

    private static void Append(StringBuilder text, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && text.Length < MaxTextChars)
        {
            text.Append(value.Trim()).Append('\n');
        }
    }
}

namespace Comintech.Dsr.Inbox;

/// <summary>
/// Turns a SendGrid Inbound Parse post into the raw message the parser reads: "send raw" mode carries it in the
/// <c>email</c> field; the default mode's fields (headers, text, html, attachment files) are put back together as MIME.
/// </summary>
public static class SendGridInboundForm
{
    public static byte[] ToRawMessage(IFormCollection form)
    {
        if (form.TryGetValue("email", out var email) && !string.IsNullOrEmpty(email.ToString()))
        {
            return Encoding.UTF8.GetBytes(email.ToString());
        }

        if (form.Files.GetFile("email") is { } emailFile)
        {
            using var raw = new MemoryStream();
            using (var content = emailFile.OpenReadStream())
            {
                content.CopyTo(raw);
            }

            return raw.ToArray();
        }

        var message = new MimeMessage();
        message.Headers.Clear();
        var headers = form["headers"].ToString();
        if (headers.Length > 0)
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(headers.TrimEnd('\r', '\n') + "\r\n\r\n"));
            foreach (var header in HeaderList.Load(stream))
            {
                if (!header.Field.StartsWith("Content-", StringComparison.OrdinalIgnoreCase) && header.Id != HeaderId.MimeVersion)
                {
                    message.Headers.Add(header);
                }
            }
        }

        AddIfMissing(message, HeaderId.From, form["from"].ToString());
        AddIfMissing(message, HeaderId.To, form["to"].ToString());
        AddIfMissing(message, HeaderId.Subject, form["subject"].ToString());
        AddIfMissing(message, HeaderId.MessageId, StableMessageId(form));
        message.Headers.Add(HeaderId.MimeVersion, "1.0");

        var body = new BodyBuilder
        {
            TextBody = NullIfEmpty(form["text"].ToString()),
            HtmlBody = NullIfEmpty(form["html"].ToString()),
        };
        foreach (var file in form.Files)
        {
            using var content = file.OpenReadStream();
            body.Attachments.Add(string.IsNullOrWhiteSpace(file.FileName) ? file.Name : file.FileName, content, ContentType.TryParse(file.ContentType ?? "", out var type) ? type : new ContentType("application", "octet-stream"));
        }

        message.Body = body.ToMessageBody();
        using var output = new MemoryStream();
        message.WriteTo(output);
        return output.ToArray();
    }

    private static void AddIfMissing(MimeMessage message, HeaderId id, string value)
    {
        if (!message.Headers.Contains(id) && value.Length > 0)
        {
            message.Headers.Add(id, value);
        }
    }

    /// <summary>For a message without a Message-ID: one derived from the posted fields, so SendGrid's retries of it dedupe.</summary>
    private static string StableMessageId(IFormCollection form)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var field in new[] { "headers", "from", "subject", "text", "html" })
        {
            hash.AppendData(Encoding.UTF8.GetBytes(form[field].ToString() + "\n"));
        }

        foreach (var file in form.Files)
        {
            using var content = file.OpenReadStream();
            hash.AppendData(SHA256.HashData(content));
        }

        return $"<sendgrid-{Convert.ToHexStringLower(hash.GetHashAndReset())}@inbound.invalid>";
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

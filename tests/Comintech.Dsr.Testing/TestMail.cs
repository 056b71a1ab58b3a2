using System.Globalization;
using MimeKit;

namespace Comintech.Dsr.Testing;

/// <summary>Raw inbound messages for tests, as a mail server would hand them over.</summary>
public static class TestMail
{
    public static byte[] Raw(string from, string subject, string body, string? messageId = null, DateTimeOffset? receivedAt = null, IDictionary<string, string>? headers = null)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse("privacy@comintech.example"));
        message.Subject = subject;
        message.MessageId = messageId ?? $"{Guid.NewGuid():N}@example.net";
        message.Date = receivedAt ?? DateTimeOffset.UtcNow;
        if (receivedAt is { } at)
        {
            message.Headers.Insert(0, new Header(HeaderId.Received,
                "from mail.example.net by mx.comintech.example; " + at.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture)));
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            message.Headers.Add(name, value);
        }

        message.Body = new TextPart("plain") { Text = body };
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }
}

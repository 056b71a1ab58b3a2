namespace Comintech.Dsr.Inbox.Model;

/// <summary>
/// One message of the inbox corpus (corpus/inbox/*.jsonl): its label, language, sender, subject, and a plain
/// <see cref="Text"/> or an HTML-only <see cref="Html"/> body, with any extra headers (Auto-Submitted, ...).
/// </summary>
public sealed record CorpusMessage(
    string Id,
    string Label,
    string Lang,
    string From,
    string Subject,
    string? Text = null,
    string? Html = null,
    IReadOnlyDictionary<string, string>? Headers = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    /// <summary>The labels, in the corpus's spelling (the wire names of <see cref="MailIntent"/>).</summary>
    public static readonly IReadOnlyList<string> Labels = ["access", "deletion", "correction", "opt-out", "objection", "unclear", "auto-reply", "bounce"];

    public static IReadOnlyList<CorpusMessage> ReadAll(string path) =>
        [.. File.ReadLines(path).Where(line => line.Trim().Length > 0).Select((line, i) => Parse(line, path, i + 1))];

    /// <summary>The message as it would arrive: a MIME message with the given sender, subject, body and headers.</summary>
    public MimeMessage ToMime()
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(From));
        message.To.Add(MailboxAddress.Parse("privacy@comintech.example"));
        message.Subject = Subject;
        message.MessageId = Id + "@corpus.example";
        message.Date = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
        MimeEntity body = new BodyBuilder { TextBody = Text, HtmlBody = Html }.ToMessageBody();
        foreach (var (name, value) in Headers ?? new Dictionary<string, string>())
        {
            if (ReportType(name, value) is { } reportType)
            {
                // A delivery report as mail systems send one: the readable text is the report's first part.
                body = new MultipartReport(reportType, body);
                continue;
            }

            message.Headers.Add(name, value);
        }

        message.Body = body;
        return message;
    }

    /// <summary>
    /// The report type of a <c>Content-Type: multipart/report</c> header, which describes the body rather than adding a
    /// header; null for any other header.
    /// </summary>
    private static string? ReportType(string name, string value) =>
        name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)
        && ContentType.TryParse(value, out var type) && type.IsMimeType("multipart", "report")
            ? type.Parameters["report-type"] ?? "delivery-status"
            : null;

    /// <summary>The example the model trains on: the same text it reads in production.</summary>
    public IntentExample ToExample() => new() { Text = IntentModel.TextOf(Subject, Text ?? HtmlText.ToPlainText(Html ?? "")), Label = Label };

    private static CorpusMessage Parse(string line, string path, int number)
    {
        var message = JsonSerializer.Deserialize<CorpusMessage>(line, Json);
        if (message is null || string.IsNullOrWhiteSpace(message.Id) || !Labels.Contains(message.Label) || (message.Text is null == message.Html is null))
        {
            throw new InvalidDataException($"{path}:{number}: needs an id, a known label ({string.Join(", ", Labels)}) and exactly one of text or html.");
        }

        if (message.Headers?.FirstOrDefault(h => h.Key.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)) is { Key: not null } content
            && ReportType(content.Key, content.Value) is null)
        {
            throw new InvalidDataException($"{path}:{number}: the only content header a corpus message may set is Content-Type: multipart/report (the body is its text or html).");
        }

        return message;
    }
}

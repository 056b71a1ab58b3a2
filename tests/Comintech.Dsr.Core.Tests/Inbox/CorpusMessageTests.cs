using Comintech.Dsr.Inbox.Model;
using MimeKit;

namespace Comintech.Dsr.Core.Tests.Inbox;

/// <summary>A corpus line becomes the MIME message a mail system would deliver.</summary>
public sealed class CorpusMessageTests : IDisposable
{
    private readonly string file = Path.GetTempFileName();

    [Fact]
    public void A_multipart_report_content_type_makes_the_body_a_delivery_report_the_inbox_ignores_as_a_bounce()
    {
        var bounce = Read("""{"id":"en-bounce-x-001","label":"bounce","lang":"en","subject":"Undelivered Mail Returned to Sender","text":"Your message could not be delivered: 550 5.1.1 user unknown.","from":"MAILER-DAEMON <MAILER-DAEMON@mx.example.net>","headers":{"Content-Type":"multipart/report; report-type=delivery-status","Auto-Submitted":"auto-replied"}}""");

        var mime = bounce.ToMime();

        var report = Assert.IsType<MultipartReport>(mime.Body);
        Assert.Equal("delivery-status", report.ReportType);
        Assert.Contains("user unknown", Assert.IsType<TextPart>(Assert.Single(report)).Text, StringComparison.Ordinal);
        Assert.Equal("auto-replied", mime.Headers["Auto-Submitted"]);
        Assert.Equal("bounce", HeldOutAccuracyTests.Read(bounce));
    }

    [Fact]
    public void Any_other_content_header_is_refused_with_the_line_number()
    {
        File.WriteAllText(file, """{"id":"en-unclear-x-001","label":"unclear","lang":"en","subject":"hi","text":"hello","from":"A <a@example.com>","headers":{"Content-Type":"text/html"}}""");

        var error = Assert.Throws<InvalidDataException>(() => CorpusMessage.ReadAll(file));

        Assert.StartsWith($"{file}:1:", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(file);

    private CorpusMessage Read(string line)
    {
        File.WriteAllText(file, line);
        return Assert.Single(CorpusMessage.ReadAll(file));
    }
}

using System.Text;
using Comintech.Dsr.Inbox;

namespace Comintech.Dsr.Core.Tests.Inbox;

public sealed class InboundMessageParserTests
{
    private static readonly InboundMessageParser Parser = new(InboxTestOptions.Default);

    private static byte[] Corpus(string name) => File.ReadAllBytes(Path.Combine(InboxTestOptions.CorpusFolder, name + ".eml"));

    [Theory]
    [InlineData("bad-binary-garbage", "not-a-message")]
    [InlineData("bad-malformed-multipart", "malformed-multipart")]
    [InlineData("bad-mime-bomb", "too-deeply-nested")]
    public void Unreadable_or_hostile_messages_are_refused_with_a_reason(string file, string code)
    {
        Assert.Equal(code, Parser.Parse(Corpus(file)).Rejection?.Code);
    }

    [Fact]
    public void Empty_and_plain_text_that_is_no_message_are_refused()
    {
        Assert.Equal("empty", Parser.Parse(Array.Empty<byte>()).Rejection?.Code);
        Assert.Equal("not-a-message", Parser.Parse(Encoding.UTF8.GetBytes("just some words\nwithout any headers\n")).Rejection?.Code);
    }

    [Fact]
    public void Too_many_parts_are_refused()
    {
        var body = new StringBuilder("From: a@example.com\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n");
        for (var i = 0; i < 600; i++)
        {
            body.Append("--b\r\nContent-Type: text/plain\r\n\r\nx\r\n");
        }

        body.Append("--b--\r\n");
        Assert.Equal("too-many-parts", Parser.Parse(Encoding.ASCII.GetBytes(body.ToString())).Rejection?.Code);
    }

    [Fact]
    public void Html_only_mail_becomes_its_visible_text()
    {
        var mail = Parser.Parse(Corpus("en-access-html-only")).Mail!;
        Assert.Contains("What personal data do you hold about me?", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("color:", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<p>", mail.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-correction-qp", "Noël")]
    [InlineData("es-access-latin1-qp", "¿Qué datos personales tienen sobre mí?")]
    [InlineData("es-correction-base64", "corregir mi apellido")]
    [InlineData("pt-access-qp", "vocês têm")]
    public void Charsets_and_transfer_encodings_are_decoded(string file, string text)
    {
        Assert.Contains(text, Parser.Parse(Corpus(file)).Mail!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_forwarded_message_contributes_its_text_and_attachments_are_counted()
    {
        var forwarded = Parser.Parse(Corpus("en-forwarded-rfc822")).Mail!;
        Assert.Contains("Please delete all my personal data", forwarded.Text, StringComparison.Ordinal);
        Assert.Equal("ada.example@example.com", forwarded.Sender!.Address);

        var withAttachment = Parser.Parse(Corpus("en-deletion-attachment")).Mail!;
        Assert.Equal(1, withAttachment.Attachments);
        Assert.Equal("en-deletion-attachment@example.net", withAttachment.MessageId);
    }

    [Fact]
    public void Delivery_reports_are_recognised()
    {
        Assert.True(Parser.Parse(Corpus("loop-bounce-dsn")).Mail!.IsDeliveryReport);
        Assert.False(Parser.Parse(Corpus("en-access-plain")).Mail!.IsDeliveryReport);
    }
}

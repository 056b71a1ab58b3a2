using System.Text;
using Comintech.Dsr.Inbox;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Comintech.Dsr.Core.Tests.Inbox;

public sealed class SendGridInboundFormTests
{
    private static readonly InboundMessageParser Parser = new(InboxTestOptions.Default);

    private static FormCollection Form(string headers, FormFileCollection? files = null) => new(
        new Dictionary<string, StringValues>
        {
            ["headers"] = headers,
            ["from"] = "Ada Example <ada.example@example.com>",
            ["subject"] = "Please delete my account",
            ["text"] = "Please delete my account and my data.",
            ["html"] = "<p>Please delete my account and my data.</p>",
            ["SPF"] = "pass",
        },
        files);

    [Fact]
    public void Default_mode_fields_become_the_message_with_its_headers_and_attachments()
    {
        var files = new FormFileCollection();
        var bytes = Encoding.ASCII.GetBytes("%PDF-1.4 fake");
        files.Add(new FormFile(new MemoryStream(bytes), 0, bytes.Length, "attachment1", "letter.pdf") { Headers = new HeaderDictionary(), ContentType = "application/pdf" });
        var headers = "Received: by mx.sendgrid.net; Sun, 29 Nov 2026 09:00:00 +0000\nFrom: Ada Example <ada.example@example.com>\nSubject: Please delete my account\nMessage-ID: <abc@example.com>\n";

        var mail = Parser.Parse(SendGridInboundForm.ToRawMessage(Form(headers, files))).Mail!;

        Assert.Equal(("abc@example.com", "ada.example@example.com", 1), (mail.MessageId, mail.Sender!.Address, mail.Attachments));
        Assert.Single(mail.Message.Headers, h => h.Id == MimeKit.HeaderId.From);
        Assert.Equal(MailIntent.Deletion, RequestClassifier.Classify(mail.Subject, mail.Text).Intent);
    }

    [Fact]
    public void A_message_without_message_id_gets_a_stable_one_so_retries_deduplicate()
    {
        var first = Parser.Parse(SendGridInboundForm.ToRawMessage(Form("From: ada.example@example.com\n"))).Mail!;
        var retry = Parser.Parse(SendGridInboundForm.ToRawMessage(Form("From: ada.example@example.com\n"))).Mail!;

        Assert.NotNull(first.MessageId);
        Assert.Equal(first.MessageId, retry.MessageId);
    }

    [Fact]
    public void Raw_mode_passes_the_email_field_through()
    {
        var raw = "From: a@example.com\r\nSubject: hi\r\nMessage-ID: <raw@example.com>\r\n\r\nbody\r\n";
        var form = new FormCollection(new Dictionary<string, StringValues> { ["email"] = raw, ["text"] = "ignored" });

        Assert.Equal(raw, Encoding.UTF8.GetString(SendGridInboundForm.ToRawMessage(form)));
    }

    [Fact]
    public void Raw_mode_also_accepts_the_message_posted_as_a_file_part()
    {
        var bytes = Encoding.ASCII.GetBytes("From: a@example.com\r\nSubject: hi\r\n\r\nbody\r\n");
        var files = new FormFileCollection { new FormFile(new MemoryStream(bytes), 0, bytes.Length, "email", "message.eml") };

        Assert.Equal(bytes, SendGridInboundForm.ToRawMessage(new FormCollection(new Dictionary<string, StringValues>(), files)));
    }

    [Fact]
    public void Posts_that_differ_only_in_their_attachments_get_different_message_ids()
    {
        FormFileCollection Files(string content) => [new FormFile(new MemoryStream(Encoding.ASCII.GetBytes(content)), 0, content.Length, "attachment1", "a.txt") { Headers = new HeaderDictionary() }];

        var one = Parser.Parse(SendGridInboundForm.ToRawMessage(Form("From: ada.example@example.com\n", Files("one")))).Mail!;
        var two = Parser.Parse(SendGridInboundForm.ToRawMessage(Form("From: ada.example@example.com\n", Files("two")))).Mail!;

        Assert.NotEqual(one.MessageId, two.MessageId);
    }
}

using Comintech.Dsr.Evidence;
using Comintech.Dsr.Inbox;
using Comintech.Dsr.Notifications;
using Comintech.Dsr.Testing;
using Microsoft.Extensions.Options;

namespace Comintech.Dsr.Integration.Tests.Inbox;

/// <summary>Every human sender of a message waiting for staff is told it arrived, once, in their language; machines never are.</summary>
public sealed class InboxAcknowledgerTests(InboxFixture fixture) : IClassFixture<InboxFixture>
{
    private static readonly Dictionary<string, string> Aligned = new() { ["Authentication-Results"] = "mx.comintech.example; spf=pass smtp.mailfrom=example.com; dkim=pass header.d=example.com; dmarc=pass" };

    private static string Address() => $"person-{Guid.NewGuid():N}@example.com";

    private Task<InboundResult> DeliverAsync(byte[] raw) =>
        fixture.Get<InboundMailService>().ProcessAsync(new InboundDelivery(raw, fixture.Clock.GetUtcNow(), InboundDelivery.SendGridPath), fixture.Host.Client, CancellationToken.None);

    private string AckFile(string requestId) => Path.Combine(fixture.PickupDirectory, PickupFolderNotifier.FileNameFor($"{requestId}.inbox-ack"));

    private async Task<int> AcknowledgementsAsync(string requestId) =>
        (await fixture.Get<EvidenceLedger>().ReadAsync(requestId)).Count(e => e.EventType == EvidenceEvents.InboxAcknowledged.Name);

    private int MailTo(string address) =>
        Directory.GetFiles(fixture.PickupDirectory, "*.eml").Count(f => File.ReadAllText(f).Contains(address, StringComparison.OrdinalIgnoreCase));

    [Theory]
    [InlineData("Hello", "Is your shop open on Sunday?", "We have received your privacy message")]
    [InlineData("hola", "Mi teléfono nuevo es 612 345 678, cámbienlo por favor.", "Hemos recibido su mensaje de privacidad")]
    [InlineData("oi", "Vocês usam meus dados para treinar a inteligência artificial? Não autorizo isso.", "Recebemos a sua mensagem de privacidade")]
    public async Task A_triaged_message_gets_one_acknowledgement_in_its_language_also_when_delivered_again(string subject, string body, string expectedSubject)
    {
        var address = Address();
        var raw = TestMail.Raw(address, subject, body, headers: Aligned);

        var first = await DeliverAsync(raw);
        var again = await DeliverAsync(raw);

        Assert.Equal((InboundOutcome.NeedsTriage, InboundOutcome.Duplicate), (first.Outcome, again.Outcome));
        Assert.Equal(1, await AcknowledgementsAsync(first.RequestId!));
        Assert.Equal(1, MailTo(address));
        Assert.Contains($"Subject: {expectedSubject}", await File.ReadAllTextAsync(AckFile(first.RequestId!)), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, Dictionary<string, string>> MachineMail => new()
    {
        { "person", "Automatic reply", "I am out of the office until Monday.", new() { ["Auto-Submitted"] = "auto-replied" } },
        { "mailer-daemon", "Undelivered Mail Returned to Sender", "Your message could not be delivered.", new() },
        { "person", "Out of office", "I am on annual leave until 14 December with limited access to e-mail and will reply on my return.", new() },
        { "person", "Undeliverable: your request", "Delivery has failed to these recipients: the recipient's mailbox is full. 550 5.2.2 mailbox full.", new() },
    };

    [Theory]
    [MemberData(nameof(MachineMail))]
    public async Task Auto_replies_and_bounces_get_no_acknowledgement_and_no_request(string local, string subject, string body, Dictionary<string, string> headers)
    {
        var address = $"{local}@{Guid.NewGuid():N}.example.com";
        var result = await DeliverAsync(TestMail.Raw(address, subject, body, headers: new Dictionary<string, string>(Aligned.Concat(headers))));

        Assert.Equal(InboundOutcome.Ignored, result.Outcome);
        Assert.Null(result.RequestId);
        Assert.Equal(0, MailTo(address));
    }

    [Fact]
    public async Task A_sender_whose_domain_authentication_does_not_align_gets_no_acknowledgement()
    {
        var forged = Address();
        var otherDomain = new Dictionary<string, string> { ["Authentication-Results"] = "mx.comintech.example; dkim=pass header.d=attacker.example; dmarc=fail" };

        var unsigned = await DeliverAsync(TestMail.Raw(Address(), "Hello", "Is your shop open on Sunday?"));
        var misaligned = await DeliverAsync(TestMail.Raw(forged, "Hello", "Is your shop open on Sunday?", headers: otherDomain));

        Assert.Equal((InboundOutcome.NeedsTriage, InboundOutcome.NeedsTriage), (unsigned.Outcome, misaligned.Outcome));
        Assert.Equal(0, await AcknowledgementsAsync(unsigned.RequestId!) + await AcknowledgementsAsync(misaligned.RequestId!));
        Assert.Equal(0, MailTo(forged));
    }

    [Fact]
    public async Task Acknowledgements_to_one_address_stop_at_the_daily_cap()
    {
        var inbox = fixture.Get<IOptions<InboxOptions>>().Value;
        var cap = inbox.AcknowledgementsPerAddressPerDay;
        inbox.AcknowledgementsPerAddressPerDay = 1;
        try
        {
            var address = Address();
            var first = await DeliverAsync(TestMail.Raw(address, "Hello", "Is your shop open on Sunday?", headers: Aligned));
            var second = await DeliverAsync(TestMail.Raw(address, "Wrong name", "My name is now Sarah Whitfield, please change it.", headers: Aligned));

            Assert.Equal((InboundOutcome.NeedsTriage, InboundOutcome.NeedsTriage), (first.Outcome, second.Outcome));
            Assert.Equal((1, 0), (await AcknowledgementsAsync(first.RequestId!), await AcknowledgementsAsync(second.RequestId!)));
        }
        finally
        {
            inbox.AcknowledgementsPerAddressPerDay = cap;
        }
    }
}

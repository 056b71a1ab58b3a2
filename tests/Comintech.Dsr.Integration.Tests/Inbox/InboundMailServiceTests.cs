using System.Text;
using Azure.Data.Tables;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.Inbox;
using Comintech.Dsr.Storage;
using Comintech.Dsr.Testing;

namespace Comintech.Dsr.Integration.Tests.Inbox;

/// <summary>The inbound service on Azurite: dedupe, 24-hour link, receipt clock, loops, refusals, raw evidence.</summary>
public sealed class InboundMailServiceTests(InboxFixture fixture) : IClassFixture<InboxFixture>
{
    private InboundMailService Inbox => fixture.Get<InboundMailService>();

    private RequestStore Requests => fixture.Get<RequestStore>();

    private DateTimeOffset Now => fixture.Clock.GetUtcNow();

    private static string Address() => $"person-{Guid.NewGuid():N}@example.com";

    private Task<InboundResult> DeliverAsync(byte[] raw, string path = InboundDelivery.SendGridPath) =>
        Inbox.ProcessAsync(new InboundDelivery(raw, Now, path), fixture.Host.Client, CancellationToken.None);

    private async Task<int> RequestsForAsync(string address)
    {
        var hash = fixture.Get<IdentifierHasher>().Hash(address);
        var rows = fixture.Azurite.Storage.Requests.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"EmailHash eq {hash}"));
        var count = 0;
        await foreach (var _ in rows)
        {
            count++;
        }

        return count;
    }

    [Fact]
    public async Task A_message_delivered_twice_creates_one_request_and_starts_it_once()
    {
        var address = Address();
        var raw = TestMail.Raw(address, "Please delete my data", "Delete all my personal data, please.");

        var first = await DeliverAsync(raw);
        var second = await DeliverAsync(raw);

        Assert.Equal(InboundOutcome.Created, first.Outcome);
        Assert.Equal((InboundOutcome.Duplicate, first.RequestId), (second.Outcome, second.RequestId));
        Assert.Equal(1, await RequestsForAsync(address));
        var request = await Requests.GetAsync(first.RequestId!);
        Assert.Equal((RequestType.Deletion, IntakeChannel.Email, address), (request.Type, request.Channel, request.Subject.Email));
        Assert.NotNull(await fixture.Host.Client.GetInstanceAsync(first.RequestId!));
    }

    [Fact]
    public async Task Parallel_deliveries_of_one_message_create_one_request()
    {
        var address = Address();
        var raw = TestMail.Raw(address, "Subject access request", "Please send me a copy of my personal data.");

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => DeliverAsync(raw)));

        Assert.Single(results, r => r.Outcome == InboundOutcome.Created);
        Assert.All(results, r => Assert.Contains(r.Outcome, new[] { InboundOutcome.Created, InboundOutcome.Duplicate, InboundOutcome.InProgress }));
        Assert.Equal(1, await RequestsForAsync(address));
    }

    [Fact]
    public async Task A_blob_trigger_firing_twice_creates_one_request_and_the_blob_is_moved_to_the_raw_archive()
    {
        var address = Address();
        var raw = TestMail.Raw(address, "Derecho de acceso", "Quiero una copia de mis datos personales.");
        var handler = fixture.Get<InboundBlobHandler>();
        var container = fixture.Azurite.Storage.InboundMail;

        var results = new List<InboundResult>();
        for (var i = 0; i < 2; i++)
        {
            var blob = container.GetBlobClient($"dropped-{i}.eml");
            await blob.UploadAsync(BinaryData.FromBytes(raw));
            results.Add(await handler.HandleAsync(blob, fixture.Host.Client, CancellationToken.None));
            Assert.False(await blob.ExistsAsync());
        }

        Assert.Equal(InboundOutcome.Created, results[0].Outcome);
        Assert.Equal((InboundOutcome.Duplicate, results[0].RequestId), (results[1].Outcome, results[1].RequestId));
        Assert.Equal(1, await RequestsForAsync(address));
        Assert.Equal(Languages.Spanish, (await Requests.GetAsync(results[0].RequestId!)).Language);
    }

    [Fact]
    public async Task Same_address_and_type_within_24_hours_joins_the_open_request_later_ones_open_a_new_one()
    {
        var address = Address();
        var first = await DeliverAsync(TestMail.Raw(address, "Delete my data", "Please erase my data.", receivedAt: Now.AddHours(-50)));
        var repeat = await DeliverAsync(TestMail.Raw(address, "Delete my data again", "I asked you to delete my data.", receivedAt: Now.AddHours(-7)));
        var otherType = await DeliverAsync(TestMail.Raw(address, "Copy of my data", "Send me a copy of my personal data.", receivedAt: Now.AddHours(-6)));

        Assert.Equal(InboundOutcome.Created, first.Outcome);
        var second = await DeliverAsync(TestMail.Raw(address, "Delete my data", "Please delete my account.", receivedAt: Now.AddHours(-1)));

        Assert.Equal(InboundOutcome.Created, repeat.Outcome);
        Assert.Equal(InboundOutcome.Created, otherType.Outcome);
        Assert.Equal((InboundOutcome.Linked, repeat.RequestId), (second.Outcome, second.RequestId));
        var evidence = await fixture.Get<EvidenceLedger>().ReadAsync(repeat.RequestId!);
        Assert.Contains(evidence, e => e.EventType == EvidenceEvents.InboundLinked.Name);
        Assert.Equal(3, await RequestsForAsync(address));
    }

    [Fact]
    public async Task The_clock_starts_at_receipt_and_the_evidence_records_how_the_message_came_without_personal_data()
    {
        var address = Address();
        var receivedAt = new DateTimeOffset(Now.Year, Now.Month, Now.Day, Now.Hour, Now.Minute, Now.Second, TimeSpan.Zero).AddDays(-2);
        var raw = TestMail.Raw(address, "Right of access", "Send me a copy of all my personal data.", receivedAt: receivedAt,
            headers: new Dictionary<string, string> { ["Authentication-Results"] = "mx.comintech.example; spf=fail smtp.mailfrom=example.com; dkim=none; dmarc=fail" });

        var result = await DeliverAsync(raw);
        var request = await Requests.GetAsync(result.RequestId!);

        Assert.Equal(receivedAt, request.ReceivedAt);
        Assert.Equal(Comintech.Dsr.Deadlines.LegalCalendar.DueAt(Jurisdiction.GDPR, receivedAt), request.DueAt);
        var inbound = Assert.Single(await fixture.Get<EvidenceLedger>().ReadAsync(request.Id), e => e.EventType == EvidenceEvents.InboundMessage.Name);
        Assert.Contains("\"receiptSource\":\"received-header\"", inbound.Details, StringComparison.Ordinal);
        Assert.Contains("\"spf\":\"fail\"", inbound.Details, StringComparison.Ordinal);
        Assert.Contains("\"dmarc\":\"fail\"", inbound.Details, StringComparison.Ordinal);
        Assert.All(await fixture.Get<EvidenceLedger>().ReadAsync(request.Id), e => Assert.DoesNotContain(address, e.Details, StringComparison.OrdinalIgnoreCase));
        var rawBlob = fixture.Azurite.Storage.InboundRaw.GetBlobClient(InboundJson(inbound.Details, "rawBlob"));
        Assert.Equal(raw, (await rawBlob.DownloadContentAsync()).Value.Content.ToArray());
    }

    [Fact]
    public async Task Loops_are_kept_but_never_become_requests()
    {
        var address = Address();
        var result = await DeliverAsync(TestMail.Raw(address, "Automatic reply", "Out of office; delete nothing.",
            headers: new Dictionary<string, string> { ["Auto-Submitted"] = "auto-replied" }));

        Assert.Equal((InboundOutcome.Ignored, "auto-submitted"), (result.Outcome, result.Reason));
        Assert.Equal(0, await RequestsForAsync(address));
    }

    [Fact]
    public async Task A_message_refused_once_is_refused_again_when_delivered_again()
    {
        var raw = Encoding.ASCII.GetBytes($"To: privacy@comintech.example\r\nSubject: delete my data\r\nMessage-ID: <{Guid.NewGuid():N}@example.org>\r\n\r\nPlease delete my data.\r\n");

        var first = await DeliverAsync(raw);
        var again = await DeliverAsync(raw);

        Assert.Equal((InboundOutcome.Rejected, "no-sender"), (first.Outcome, first.Reason));
        Assert.Equal((InboundOutcome.Rejected, "no-sender"), (again.Outcome, again.Reason));
    }

    [Fact]
    public async Task A_25_MB_message_and_binary_garbage_are_stored_for_staff_and_refused()
    {
        var limit = fixture.Get<Microsoft.Extensions.Options.IOptions<InboxOptions>>().Value.MaxMessageBytes;
        var huge = TestMail.Raw(Address(), "Delete my data", new string('x', 25 * 1024 * 1024));
        var garbage = new byte[4096];
        new Random(5).NextBytes(garbage);

        var tooLarge = await DeliverAsync(huge);
        var unreadable = await DeliverAsync(garbage);

        Assert.Equal((InboundOutcome.Rejected, "too-large"), (tooLarge.Outcome, tooLarge.Reason));
        Assert.Equal((InboundOutcome.Rejected, "not-a-message"), (unreadable.Outcome, unreadable.Reason));
        var stored = new List<(long Size, IDictionary<string, string> Metadata)>();
        await foreach (var blob in fixture.Azurite.Storage.InboundRaw.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Traits = Azure.Storage.Blobs.Models.BlobTraits.Metadata }))
        {
            if (blob.Metadata.TryGetValue("rejected", out _))
            {
                stored.Add((blob.Properties.ContentLength ?? 0, blob.Metadata));
            }
        }

        Assert.Contains(stored, s => s.Size == limit && s.Metadata["rejected"] == "too-large" && s.Metadata["truncated"] == "true");
        Assert.Contains(stored, s => s.Size == garbage.Length && s.Metadata["rejected"] == "not-a-message");
    }

    [Fact]
    public async Task A_claim_left_by_a_stopped_worker_is_taken_over_under_the_same_request_id()
    {
        var address = Address();
        var raw = TestMail.Raw(address, "Delete my data", "Please delete my personal data.", messageId: $"{Guid.NewGuid():N}@example.org");
        var key = "m-" + fixture.Get<IdentifierHasher>().Hash("message-id:" + MimeKit.MimeMessage.Load(new MemoryStream(raw)).MessageId);
        var claimedId = RequestId.New();
        Assert.Null(await fixture.Get<InboundMessageIndex>().ClaimAsync(key, claimedId, "raw.eml", CancellationToken.None));

        var meanwhile = await DeliverAsync(raw);
        fixture.Clock.Advance(TimeSpan.FromMinutes(3));
        var later = await DeliverAsync(raw);

        Assert.Equal(InboundOutcome.InProgress, meanwhile.Outcome);
        Assert.Equal((InboundOutcome.Created, claimedId), (later.Outcome, later.RequestId));
        Assert.Equal(1, await RequestsForAsync(address));
    }

    private static string InboundJson(string details, string property) =>
        System.Text.Json.JsonDocument.Parse(Encoding.UTF8.GetBytes(details)).RootElement.GetProperty(property).GetString()!;
}

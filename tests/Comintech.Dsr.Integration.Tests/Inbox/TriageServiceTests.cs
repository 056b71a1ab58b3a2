using Comintech.Dsr.Domain;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.Inbox;
using Comintech.Dsr.Storage;
using Comintech.Dsr.Testing;

namespace Comintech.Dsr.Integration.Tests.Inbox;

/// <summary>Opt-out and unclear e-mails wait, clock running, until staff classify them; then they run like any request.</summary>
public sealed class TriageServiceTests(InboxFixture fixture) : IClassFixture<InboxFixture>
{
    private async Task<InboundResult> DeliverAsync(string subject, string body) =>
        await fixture.Get<InboundMailService>().ProcessAsync(
            new InboundDelivery(TestMail.Raw($"person-{Guid.NewGuid():N}@example.com", subject, body), fixture.Clock.GetUtcNow(), InboundDelivery.BlobPath),
            fixture.Host.Client,
            CancellationToken.None);

    [Theory]
    [InlineData("Hello", "Is your shop open on Sunday?", "unclear")]
    [InlineData("My address is wrong", "Please update my address to 1 Example Road.", "correction")]
    public async Task Unclear_mail_and_corrections_are_stored_as_needs_triage_without_an_orchestration(string subject, string body, string suggestion)
    {
        var result = await DeliverAsync(subject, body);

        Assert.Equal(InboundOutcome.NeedsTriage, result.Outcome);
        var request = await fixture.Get<RequestStore>().GetAsync(result.RequestId!);
        Assert.Equal((RequestStatus.NeedsTriage, suggestion), (request.Status, request.SuggestedClassification));
        Assert.True(request.DueAt > request.ReceivedAt);
        Assert.Null(await fixture.Host.Client.GetInstanceAsync(request.Id));
        var received = Assert.Single(await fixture.Get<EvidenceLedger>().ReadAsync(request.Id), e => e.EventType == EvidenceEvents.Received.Name);
        Assert.Contains($"\"suggestedClassification\":\"{suggestion}\"", received.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_classification_sets_the_type_records_evidence_and_starts_the_request_once()
    {
        var result = await DeliverAsync("A question", "Is your shop open on Sunday?");
        var triage = fixture.Get<TriageService>();

        var first = await triage.ClassifyAsync(result.RequestId!, RequestType.Access, "staff:test", fixture.Host.Client, CancellationToken.None);
        var again = await triage.ClassifyAsync(result.RequestId!, RequestType.Deletion, "staff:test", fixture.Host.Client, CancellationToken.None);
        var unknown = await triage.ClassifyAsync(RequestId.New(), RequestType.Access, "staff:test", fixture.Host.Client, CancellationToken.None);

        Assert.Equal((TriageResult.Classified, TriageResult.NotAwaitingTriage, TriageResult.UnknownRequest), (first.Result, again.Result, unknown.Result));
        var request = await fixture.Get<RequestStore>().GetAsync(result.RequestId!);
        Assert.Equal(RequestType.Access, request.Type);
        Assert.NotEqual(RequestStatus.NeedsTriage, request.Status);
        Assert.NotNull(await fixture.Host.Client.GetInstanceAsync(request.Id));
        var classified = Assert.Single(await fixture.Get<EvidenceLedger>().ReadAsync(request.Id), e => e.EventType == EvidenceEvents.Classified.Name);
        Assert.Equal("staff:test", classified.Actor);
        Assert.True((await fixture.Get<EvidenceLedger>().VerifyAsync(request.Id)).IsIntact);
    }

    [Fact]
    public async Task A_correction_is_started_with_the_values_read_from_the_message_or_those_staff_give_and_never_without_values()
    {
        var read = await DeliverAsync("My address is wrong", "Please update my address to 1 Example Road, Exampletown.");
        var none = await DeliverAsync("My address is wrong", "The address you have for me is not right any more.");
        var triage = fixture.Get<TriageService>();

        var proposed = (await fixture.Get<RequestStore>().GetAsync(read.RequestId!)).Corrections;
        var confirmed = await triage.ClassifyAsync(read.RequestId!, RequestType.Correction, "staff:test", fixture.Host.Client, CancellationToken.None);
        var without = await triage.ClassifyAsync(none.RequestId!, RequestType.Correction, "staff:test", fixture.Host.Client, CancellationToken.None);
        var edited = await triage.ClassifyAsync(
            none.RequestId!, RequestType.Correction, new Dictionary<string, string> { ["postalAddress"] = "2 Example Road, Exampletown" },
            "staff:test", fixture.Host.Client, CancellationToken.None);

        Assert.Equal("1 Example Road, Exampletown", proposed["postalAddress"]);
        Assert.Equal((TriageResult.Classified, TriageResult.InvalidCorrections, TriageResult.Classified), (confirmed.Result, without.Result, edited.Result));
        Assert.Contains("corrections", without.Errors.Keys);
        var request = await fixture.Get<RequestStore>().GetAsync(none.RequestId!);
        Assert.Equal((RequestType.Correction, "2 Example Road, Exampletown"), (request.Type, request.Corrections["postalAddress"]));
        Assert.NotNull(await fixture.Host.Client.GetInstanceAsync(request.Id));
        Assert.Equal("1 Example Road, Exampletown", (await fixture.Get<RequestStore>().GetAsync(read.RequestId!)).Corrections["postalAddress"]);
    }
}

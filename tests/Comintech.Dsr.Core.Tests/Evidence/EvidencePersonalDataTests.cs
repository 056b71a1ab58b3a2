using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Comintech.Dsr.Fulfilment.Access;
using Comintech.Dsr.Fulfilment.Activities;
using Comintech.Dsr.Fulfilment;
using Comintech.Dsr.Hosting;
using Comintech.Dsr.Recovery;
using Comintech.Dsr.Storage;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace Comintech.Dsr.Core.Tests.Evidence;

/// <summary>
/// Evidence is kept for years as proof: it may name the system's own parties, never hold the person's data or free text
/// from outside. The three fields whose values come from elsewhere: a confirmation's party, a failure's reason and a
/// withheld item.
/// </summary>
public sealed class EvidencePersonalDataTests
{
    private const string Person = "Ada Lovelace <ada@example.com>, 12 Analytical St";

    [Theory]
    [InlineData("partner:acme-reseller", "Confirmed by partner:acme-reseller.")]
    [InlineData("client:demo-client-northwind", "Confirmed by client:demo-client-northwind.")]
    [InlineData("staff", "Confirmed by staff.")]
    [InlineData(Person, "Confirmed.")]
    [InlineData("partner:acme <ada@example.com>", "Confirmed.")]
    [InlineData("", "Confirmed.")]
    public void A_confirmation_note_names_only_the_party_the_part_waited_on(string confirmedBy, string note)
    {
        Assert.Equal(note, RecordStoreConfirmationActivity.Note(confirmedBy));
    }

    [Fact]
    public void A_failure_reason_is_the_exception_type_and_a_fixed_code_never_the_message()
    {
        var details = new TaskFailureDetails("System.InvalidOperationException", $"No account for {Person}.", null, null, null);

        Assert.Equal("System.InvalidOperationException: step-failed", FailureReason.Of(details, FailureReason.StepFailed));
        Assert.Equal("unknown: orchestration-failed", FailureReason.Of(null, FailureReason.OrchestrationFailed));
    }

    [Theory]
    [InlineData("System.InvalidOperationException: step-failed", "System.InvalidOperationException: step-failed")]
    [InlineData("System.TimeoutException: orchestration-failed", "System.TimeoutException: orchestration-failed")]
    [InlineData("Comintech.Dsr.Connectors.ConnectorException: Store crm has no row for ada@example.com", "Comintech.Dsr.Connectors.ConnectorException: step-failed")]
    [InlineData("Outer+Nested`1: anything", "Outer+Nested`1: step-failed")]
    [InlineData(Person, "unknown: step-failed")]
    [InlineData("ada@example.com: step-failed", "unknown: step-failed")]
    [InlineData("", "unknown: step-failed")]
    public void A_reason_from_an_older_workflow_history_keeps_its_type_and_loses_its_message(string reason, string kept)
    {
        Assert.Equal(kept, FailureReason.Normalise(reason));
    }

    [Fact]
    public void A_withheld_item_is_named_in_the_evidence_by_a_keyed_reference_not_its_plain_digest()
    {
        var itemKey = AccessReviews.ItemKey("crm", System.Text.Json.Nodes.JsonNode.Parse("""{"email":"ada@example.com"}"""));
        var one = Reviews("first-identifier-hash-key-0123456789abcdef");
        var other = Reviews("other-identifier-hash-key-0123456789abcdef");

        var reference = one.EvidenceRef("crm", itemKey);

        Assert.Matches("^[0-9a-f]{20}$", reference);
        Assert.NotEqual(itemKey, reference);
        Assert.Equal(reference, one.EvidenceRef("crm", itemKey));
        Assert.NotEqual(reference, one.EvidenceRef("billing", itemKey));
        Assert.NotEqual(reference, other.EvidenceRef("crm", itemKey));
    }

    private static AccessReviews Reviews(string hashKey) => new(
        new DsrStorage(new TableServiceClient("UseDevelopmentStorage=true"), new BlobServiceClient("UseDevelopmentStorage=true")),
        new IdentifierHasher(Options.Create(new IdentifierHashOptions { IdentifierHashKey = hashKey })),
        TimeProvider.System);
}

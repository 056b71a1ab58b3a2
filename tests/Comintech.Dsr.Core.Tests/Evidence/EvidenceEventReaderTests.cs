using Comintech.Dsr.Connectors;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.Evidence.Events;

namespace Comintech.Dsr.Core.Tests.Evidence;

/// <summary>A stored link reads back into its event record and says what happened in one sentence.</summary>
public sealed class EvidenceEventReaderTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static EvidenceRecord Link(string eventType, string details) =>
        new("r1", 1, eventType, At, "system", details, EvidenceRecord.GenesisHash, EvidenceRecord.GenesisHash);

    [Fact]
    public void Every_sample_reads_back_to_the_same_json_and_sentence()
    {
        foreach (var (evidence, json) in EvidenceEventSamples.All())
        {
            var read = EvidenceEventReader.Read(Link(evidence.EventType, json));

            Assert.NotNull(read);
            Assert.IsType(evidence.GetType(), read);
            Assert.Equal(json, EvidenceLedger.Serialise(read));
            Assert.Equal(evidence.Describe(), read.Describe());
        }
    }

    [Fact]
    public void Every_sentence_is_one_plain_sentence()
    {
        Assert.All(EvidenceEventSamples.All(), s =>
        {
            var sentence = s.Event.Describe();
            Assert.EndsWith(".", sentence, StringComparison.Ordinal);
            Assert.DoesNotContain("{", sentence, StringComparison.Ordinal);
            Assert.DoesNotContain("\n", sentence, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_reader_knows_every_event_type_the_records_write()
    {
        var written = EvidenceEventSamples.All().Select(s => s.Event.EventType).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(written.Order(StringComparer.Ordinal), EvidenceEventReader.EventTypes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_sentence_states_the_facts_of_its_link()
    {
        var outcome = new ConnectorOutcome("crm", ConnectorAction.Erase, OutcomeKind.Done, 3, 2, null, null, At);
        var extended = new DeadlineExtended(At, At.AddDays(60), "r1.extension");

        Assert.Equal("crm: Erase Done (3 found, 2 affected).", new StoreOutcomeRecorded(outcome).Describe());
        Assert.Equal("Deadline extended from 2026-11-30 to 2027-01-29; the person was told.", extended.Describe());
        Assert.Equal(extended.Describe(), EvidenceEventReader.Describe(Link(EvidenceEvents.DeadlineExtended, EvidenceLedger.Serialise(extended))));
    }

    [Fact]
    public void A_link_of_an_unknown_type_or_unreadable_details_is_named_by_its_type()
    {
        Assert.Null(EvidenceEventReader.Read(Link("step", """{"step":1}""")));
        Assert.Equal("step", EvidenceEventReader.Describe(Link("step", """{"step":1}""")));
        Assert.Equal(EvidenceEvents.VerificationFailed, EvidenceEventReader.Describe(Link(EvidenceEvents.VerificationFailed, "not json")));
    }
}

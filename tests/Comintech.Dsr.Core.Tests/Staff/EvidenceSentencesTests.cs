using System.Reflection;
using System.Text.Json;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.Staff;

namespace Comintech.Dsr.Core.Tests.Staff;

public class EvidenceSentencesTests
{
    private static EvidenceRecord Link(string type, object details, string actor = "system") =>
        new("r", 1, type, DateTimeOffset.UnixEpoch, actor, JsonSerializer.Serialize(details, EvidenceLedger.JsonOptions), "p", "h");

    public static TheoryData<string> EveryEventType() =>
        [.. typeof(EvidenceEvents).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => ((EvidenceType)f.GetValue(null)!).Name)];

    [Theory]
    [MemberData(nameof(EveryEventType))]
    public void Every_event_type_reads_as_a_sentence_not_as_its_name(string type)
    {
        var sentence = EvidenceSentences.Describe(Link(type, new { }));

        Assert.NotEqual(type, sentence);
        Assert.Matches("^[A-Z]", sentence);
    }

    [Fact]
    public void Store_outcomes_say_what_happened_in_which_store()
    {
        static string Outcome(ConnectorAction action, OutcomeKind kind, int affected, string? note = null) => EvidenceSentences.Describe(
            Link(EvidenceEvents.StoreOutcome.Name, new ConnectorOutcome("crm", action, kind, affected, affected, note, null, DateTimeOffset.UnixEpoch)));

        Assert.Equal("Store crm: 3 records erased", Outcome(ConnectorAction.Erase, OutcomeKind.Done, 3));
        Assert.Equal("Store crm: 1 record exported", Outcome(ConnectorAction.Export, OutcomeKind.Done, 1));
        Assert.Equal("Store crm: nothing found", Outcome(ConnectorAction.Erase, OutcomeKind.NothingFound, 0));
        Assert.Equal("Store crm: kept for a legal reason (Tax law: 10 years)", Outcome(ConnectorAction.Erase, OutcomeKind.Retained, 0, "Tax law: 10 years"));
        Assert.Equal("Store crm: failed (Failed after 3 attempt(s): 503)", Outcome(ConnectorAction.Erase, OutcomeKind.Failed, 0, "Failed after 3 attempt(s): 503"));
    }

    [Fact]
    public void Other_links_read_their_facts_and_who_acted()
    {
        Assert.Equal("Verification code sent", EvidenceSentences.Describe(Link(EvidenceEvents.VerificationSent.Name, new { issue = 1, ttlMinutes = 30 })));
        Assert.Equal("Verification code #2 sent", EvidenceSentences.Describe(Link(EvidenceEvents.VerificationSent.Name, new { issue = 2 })));
        Assert.Equal("Wrong verification code entered (3 tries left)", EvidenceSentences.Describe(Link(EvidenceEvents.VerificationFailed.Name, new { attemptsLeft = 3 })));
        Assert.Equal("Approved by ana@example.com", EvidenceSentences.Describe(Link(EvidenceEvents.ApprovalGranted.Name, new { }, "staff:ana@example.com")));
        Assert.Equal(
            "Deadline extended from 2026-12-01 to 2027-02-01; notice sent",
            EvidenceSentences.Describe(Link(EvidenceEvents.DeadlineExtended.Name, new { previousDueAt = "2026-12-01T23:59:59+00:00", dueAt = "2027-02-01T23:59:59+00:00", notice = "n" })));
        Assert.Equal(
            "Request received (deletion, GDPR) by the web form",
            EvidenceSentences.Describe(Link(EvidenceEvents.Received.Name, new { type = "deletion", channel = "Web", jurisdiction = "GDPR" })));
        Assert.Equal("Store crm: corrected phone, email", EvidenceSentences.Describe(
            Link(EvidenceEvents.CorrectionApplied.Name, new { storeId = "crm", fields = new[] { new { field = "phone" }, new { field = "email" } } })));
    }

    [Fact]
    public void An_unknown_event_or_details_that_are_not_json_read_as_the_event_type()
    {
        Assert.Equal("later.event", EvidenceSentences.Describe(Link("later.event", new { })));
        Assert.Equal(EvidenceEvents.VerificationSent.Name, EvidenceSentences.Describe(
            new EvidenceRecord("r", 1, EvidenceEvents.VerificationSent.Name, DateTimeOffset.UnixEpoch, "system", "not json", "p", "h")));
    }
}

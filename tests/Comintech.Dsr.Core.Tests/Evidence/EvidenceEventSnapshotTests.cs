using System.Reflection;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.Evidence.Events;

namespace Comintech.Dsr.Core.Tests.Evidence;

/// <summary>
/// The details JSON of every evidence event is pinned (chains already written and auditors rely on it), every event type
/// has exactly one record, and no record has room for personal data.
/// </summary>
public sealed class EvidenceEventSnapshotTests
{
    private static readonly Type[] EventRecords =
    [
        .. typeof(EvidenceEvent).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(EvidenceEvent)) && !t.IsAbstract)
            .OrderBy(t => t.Name, StringComparer.Ordinal),
    ];

    public static TheoryData<int, string> Samples()
    {
        var data = new TheoryData<int, string>();
        var index = 0;
        foreach (var (evidence, _) in EvidenceEventSamples.All())
        {
            data.Add(index++, evidence.GetType().Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Each_event_is_written_as_its_pinned_json(int index, string record)
    {
        var (evidence, json) = EvidenceEventSamples.All().ElementAt(index);

        Assert.Equal(record, evidence.GetType().Name);
        Assert.Equal(json, EvidenceLedger.Serialise(evidence));
    }

    [Fact]
    public void Every_event_type_constant_has_exactly_one_record()
    {
        var constants = typeof(EvidenceEvents).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => ((EvidenceType)f.GetValue(null)!).Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        var typeOf = EvidenceEventSamples.All().ToLookup(s => s.Event.GetType(), s => s.Event.EventType);
        var written = EventRecords.Select(t => typeOf[t].Distinct().Single()).ToList();

        Assert.Equal(constants.Count, constants.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(constants, written.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_event_record_has_a_pinned_sample()
    {
        var sampled = EvidenceEventSamples.All().Select(s => s.Event.GetType()).ToHashSet();

        Assert.Empty(EventRecords.Where(t => !sampled.Contains(t)).Select(t => t.Name));
    }

    [Fact]
    public void No_event_record_has_a_field_for_personal_data()
    {
        string[] personal = ["email", "name", "fullname", "address", "phone", "subject", "body", "text", "accountid", "ip", "loginip", "sender", "value", "details"];
        var fields = EventRecords.Concat([typeof(StoreTally), typeof(StoreFound), typeof(CorrectedField)])
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => $"{t.Name}.{p.Name}"))
            .Where(f => personal.Contains(f[(f.IndexOf('.') + 1)..].ToLowerInvariant()))
            .ToList();

        Assert.Empty(fields);
    }

    [Fact]
    public void The_event_type_is_not_written_into_the_details()
    {
        Assert.All(EvidenceEventSamples.All(), s => Assert.DoesNotContain("eventType", EvidenceLedger.Serialise(s.Event), StringComparison.Ordinal));
    }
}

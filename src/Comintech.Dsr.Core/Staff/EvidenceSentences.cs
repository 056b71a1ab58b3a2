using System.Reflection;

namespace Comintech.Dsr.Staff;

/// <summary>
/// Each evidence link as a sentence staff can read ("Verification code sent", "Store crm: 3 records erased"): its event
/// type's sentence (<see cref="EvidenceEvents"/>) over the facts in its details. The link itself (type, details JSON,
/// hash) is unchanged and shown beside it for auditors. An event type not listed there reads as its name.
/// </summary>
public static class EvidenceSentences
{
    private static readonly FrozenDictionary<string, EvidenceType> Types = typeof(EvidenceEvents)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (EvidenceType)field.GetValue(null)!)
        .ToFrozenDictionary(type => type.Name, StringComparer.Ordinal);

    public static string Describe(EvidenceRecord record)
    {
        if (!Types.TryGetValue(record.EventType, out var type))
        {
            return record.EventType;
        }

        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(record.Details) ? "{}" : record.Details);
            return type.Sentence(new EvidenceDetails(document.RootElement, record.Actor));
        }
        catch (JsonException)
        {
            return record.EventType;
        }
    }
}

namespace Comintech.Dsr.Fulfilment.Rerun;

/// <summary>Each store's latest outcome as the evidence chain records it (a re-run's outcome comes after the first).</summary>
public static class StoreOutcomes
{
    public static IReadOnlyDictionary<string, ConnectorOutcome> Latest(IEnumerable<EvidenceRecord> evidence)
    {
        var latest = new Dictionary<string, ConnectorOutcome>(StringComparer.Ordinal);
        foreach (var record in evidence.Where(e => e.Is(EvidenceEvents.StoreOutcome)).OrderBy(e => e.Sequence))
        {
            if (JsonSerializer.Deserialize<ConnectorOutcome>(record.Details, EvidenceLedger.JsonOptions) is { StoreId: not null } outcome)
            {
                latest[outcome.StoreId] = outcome;
            }
        }

        return latest;
    }
}

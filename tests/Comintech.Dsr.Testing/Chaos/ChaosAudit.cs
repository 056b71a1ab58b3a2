using System.Text.Json;
using Azure.Data.Tables;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.Storage;

namespace Comintech.Dsr.Testing.Chaos;

/// <summary>Reads what a chaos run left in storage and in the mailbox, request by request.</summary>
public static class ChaosAudit
{
    private static readonly string[] OnceOnly =
    [
        EvidenceEvents.Received.Name, EvidenceEvents.AcknowledgementSent.Name, EvidenceEvents.VerificationSent.Name,
        EvidenceEvents.VerificationSucceeded.Name, EvidenceEvents.FinalNoticeSent.Name, EvidenceEvents.Completed.Name,
    ];

    private static readonly string[] ExpectedMail = ["ack", "code-1", "final"];

    public sealed record Finding(bool Final, bool ChainIntact, bool MissingStoreOutcome, bool StatusDisagrees, bool Duplicated, bool NotErased);

    public static async Task<Finding> CheckAsync(DsrStorage storage, string requestId, int person, string pickup)
    {
        var row = (await storage.Requests.GetEntityAsync<TableEntity>(requestId, OwnRowKey.For("request", requestId))).Value;
        var status = row.GetString("Status");
        var evidence = await new EvidenceLedger(storage, TimeProvider.System).ReadAsync(requestId);
        var stores = evidence.Where(e => e.EventType == EvidenceEvents.StoreOutcome.Name).Select(e => Property(e, "storeId")).ToList();
        var completed = evidence.Where(e => e.EventType == EvidenceEvents.Completed.Name).ToList();
        var final = status == "Completed";
        var closed = status is "Completed" or "CompletedWithExceptions" or "IdentityNotVerified" or "Denied";

        var mail = Directory.EnumerateFiles(pickup, requestId + ".*.eml").Select(f => Path.GetFileName(f)[(requestId.Length + 1)..^4]).ToList();
        var duplicated = stores.Count != stores.Distinct().Count()
            || OnceOnly.Any(type => evidence.Count(e => e.EventType == type) > 1)
            || mail.Except(ExpectedMail).Any();

        return new Finding(
            final,
            EvidenceLedger.Verify(evidence).IsIntact,
            stores.Distinct().Count() < ChaosDataMap.StoreCount,
            closed != (completed.Count > 0) || completed.Any(c => Property(c, "status") != status),
            duplicated,
            final && await ChaosDataMap.StoresStillHoldingAsync(storage, person) > 0);
    }

    private static string? Property(EvidenceRecord record, string name) =>
        JsonDocument.Parse(record.Details).RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
}

namespace Comintech.Dsr.Recipients;

/// <summary>
/// GET /api/requests/{id}/recipients: the person's list of recipients (GDPR Art. 19, last sentence), offered in the
/// final notice. Recipient names are organisations, not personal data; the answer holds nothing about the person.
/// </summary>
public sealed class RecipientListHandler(RequestLookup requests, EvidenceLedger evidence, IOptions<DataMapOptions> dataMap)
{
    public async Task<IResult> ListAsync(string requestId, CancellationToken cancellationToken)
    {
        var request = await requests.FindAsync(requestId, cancellationToken);
        if (request is null)
        {
            return Problems.UnknownRequest();
        }

        var told = (await evidence.ReadAsync(request.Id, cancellationToken))
            .Where(e => e.Is(EvidenceEvents.RecipientNotified) || e.Is(EvidenceEvents.RecipientTaskOpened) || e.Is(EvidenceEvents.RecipientNotNotified))
            .Select(e => (Record: e, Notice: JsonSerializer.Deserialize<RecipientNotice>(e.Details, EvidenceLedger.JsonOptions)!))
            .Select(e => new RecipientListEntry(e.Notice.Recipient, e.Notice.Channel == "none" ? "not told: receives data only on a legal demand" : "told", e.Record.OccurredAt))
            .ToList();
        var declared = RecipientDefinition.Of(dataMap.Value, dataMap.Value.Stores.Select(s => s.Id)).Select(r => r.Name).Order(StringComparer.Ordinal).ToList();
        return Results.Ok(new RecipientListResponse(requestId, told, declared));
    }
}

/// <summary><paramref name="Told"/>: what this request told each recipient; <paramref name="Recipients"/>: every recipient of data the data map declares.</summary>
public sealed record RecipientListResponse(string RequestId, IReadOnlyList<RecipientListEntry> Told, IReadOnlyList<string> Recipients);

public sealed record RecipientListEntry(string Recipient, string Outcome, DateTimeOffset At);

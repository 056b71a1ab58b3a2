using Comintech.Dsr.Domain;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.Intake;
using Comintech.Dsr.Storage;
using Microsoft.DurableTask.Client;

namespace Comintech.Dsr.Inbox;

public enum TriageResult
{
    Classified,
    UnknownRequest,

    /// <summary>The request is not (or no longer) waiting for staff to classify it.</summary>
    NotAwaitingTriage,
}

/// <summary>
/// Staff classify a NeedsTriage e-mail request: its type is set, the decision recorded as evidence, and from then on
/// it runs exactly like a web request (acknowledgement, code to the From address, fan-out). The clock kept running.
/// </summary>
public sealed class TriageService(RequestStore requests, EvidenceLedger evidence, IntakeService intake)
{
    public async Task<TriageResult> ClassifyAsync(string requestId, RequestType type, string actor, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var request = await requests.FindAsync(requestId, cancellationToken);
        if (request is null)
        {
            return TriageResult.UnknownRequest;
        }

        if (!await requests.ClassifyAsync(requestId, type, cancellationToken))
        {
            return TriageResult.NotAwaitingTriage;
        }

        await evidence.AppendAsync(
            requestId, "classified", EvidenceEvents.Classified,
            new { type = type.ToWire(), suggestedClassification = request.SuggestedClassification },
            actor, cancellationToken);
        await intake.StartOrchestrationAsync(requestId, type, client, cancellationToken);
        return TriageResult.Classified;
    }
}

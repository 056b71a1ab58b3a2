namespace Comintech.Dsr.Inbox;

public enum TriageResult
{
    Classified,
    UnknownRequest,

    /// <summary>The request is not (or no longer) waiting for staff to classify it.</summary>
    NotAwaitingTriage,

    /// <summary>A correction needs at least one valid field and new value (see <see cref="TriageOutcome.Errors"/>).</summary>
    InvalidCorrections,
}

/// <summary>The result of a triage decision; <see cref="Errors"/> names each bad correction field.</summary>
public sealed record TriageOutcome(TriageResult Result, IReadOnlyDictionary<string, List<string>> Errors)
{
    public static TriageOutcome Of(TriageResult result) => new(result, new Dictionary<string, List<string>>());
}

/// <summary>
/// Staff classify a NeedsTriage e-mail request: its type (and for a correction the new values: those staff give, or
/// else the ones the inbox read from the message) is set, the decision recorded as evidence, and from then on it runs exactly like a web request (acknowledgement,
/// code to the From address, fan-out). The clock kept running from receipt.
/// </summary>
public sealed class TriageService(RequestStore requests, EvidenceLedger evidence, IntakeService intake)
{
    public Task<TriageOutcome> ClassifyAsync(string requestId, RequestType type, string actor, DurableTaskClient client, CancellationToken cancellationToken) =>
        ClassifyAsync(requestId, type, new Dictionary<string, string>(), actor, client, cancellationToken);

    public async Task<TriageOutcome> ClassifyAsync(
        string requestId, RequestType type, IReadOnlyDictionary<string, string> corrections, string actor, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var request = await requests.FindAsync(requestId, cancellationToken);
        if (request is null)
        {
            return TriageOutcome.Of(TriageResult.UnknownRequest);
        }

        // No values given: staff confirm the ones the inbox read from the message (stored on the request as a proposal).
        var given = corrections.Count == 0 ? request.Corrections : corrections;
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var clean = type == RequestType.Correction
            ? RequestSubmissionValidator.ValidateCorrections(given, (field, message) => errors.TryAdd(field, [message]))
            : new Dictionary<string, string>(StringComparer.Ordinal);
        if (errors.Count > 0)
        {
            return new TriageOutcome(TriageResult.InvalidCorrections, errors);
        }

        if (!await requests.ClassifyAsync(requestId, type, clean, cancellationToken))
        {
            return TriageOutcome.Of(TriageResult.NotAwaitingTriage);
        }

        await evidence.AppendAsync(
            requestId, RequestClassified.Key, new RequestClassified(type.ToWire(), request.SuggestedClassification, [.. clean.Keys.Order()]), actor, cancellationToken);
        await intake.StartOrchestrationAsync(requestId, type, client, cancellationToken);
        return TriageOutcome.Of(TriageResult.Classified);
    }
}

using Azure;
using Comintech.Dsr.Deadlines;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.Fulfilment;
using Comintech.Dsr.Hosting;
using Comintech.Dsr.Storage;
using Comintech.Dsr.Telemetry;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Comintech.Dsr.Intake;

/// <summary>
/// How a request arrived. <paramref name="ReceivedAt"/>: when it reached us (default: now, the clock starts at intake).
/// <paramref name="RequestId"/>: a pre-assigned id, which makes a repeated intake of the same message a no-op.
/// <paramref name="SuggestedClassification"/>: set for a request staff must classify; it is stored as NeedsTriage and
/// its orchestration waits for <see cref="IntakeService.StartOrchestrationAsync"/>.
/// </summary>
public sealed record IntakeReceipt(
    IntakeChannel Channel, DateTimeOffset? ReceivedAt = null, string? RequestId = null, string? SuggestedClassification = null)
{
    public bool NeedsTriage => SuggestedClassification is not null;
}

/// <summary>
/// Accepts a validated request from any channel: stores it (the clock starts at receipt), records receipt as evidence,
/// and starts its orchestration with the request id as instance id (so a retried start cannot start two).
/// </summary>
public sealed partial class IntakeService(
    RequestStore requests, EvidenceLedger evidence, IOptions<DsrOptions> options, TimeProvider clock, ILogger<IntakeService> logger)
{
    public Task<DsrRequest> SubmitAsync(RequestSubmission submission, IntakeChannel channel, DurableTaskClient client, CancellationToken cancellationToken) =>
        SubmitAsync(submission, new IntakeReceipt(channel), client, cancellationToken);

    public async Task<DsrRequest> SubmitAsync(RequestSubmission submission, IntakeReceipt receipt, DurableTaskClient client, CancellationToken cancellationToken)
    {
        using var span = DsrTelemetry.StartIntake(submission.Type);
        var receivedAt = receipt.ReceivedAt ?? clock.GetUtcNow();
        var request = new DsrRequest(
            receipt.RequestId ?? RequestId.New(),
            submission.Type,
            receipt.Channel,
            submission.Jurisdiction,
            submission.Language,
            receivedAt,
            LegalCalendar.DueAt(submission.Jurisdiction, receivedAt),
            receipt.NeedsTriage ? RequestStatus.NeedsTriage : RequestStatus.Received,
            submission.Subject,
            submission.Details,
            submission.Corrections)
        {
            SuggestedClassification = receipt.SuggestedClassification,
        };

        request = await AddOnceAsync(request, cancellationToken);
        await evidence.AppendAsync(
            request.Id, "received", EvidenceEvents.Received,
            new
            {
                type = request.Status == RequestStatus.NeedsTriage ? null : request.Type.ToWire(),
                channel = request.Channel.ToString(),
                jurisdiction = request.Jurisdiction.ToString(),
                receivedAt = request.ReceivedAt,
                dueAt = request.DueAt,
                correctedFields = request.Corrections.Keys.Order(),
                status = request.Status.ToString(),
                suggestedClassification = request.SuggestedClassification,
            },
            cancellationToken: cancellationToken);

        if (request.Status != RequestStatus.NeedsTriage)
        {
            await StartOrchestrationAsync(request.Id, request.Type, client, cancellationToken);
        }

        span?.SetTag(DsrTelemetry.RequestIdTag, request.Id);
        DsrTelemetry.RequestReceived(request.Type);
        LogAccepted(logger, request.Id, request.Status, request.Channel);
        return request;
    }

    /// <summary>Starts the request's orchestration unless it exists already; the verification window runs from now.</summary>
    public async Task StartOrchestrationAsync(string requestId, RequestType type, DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (await client.GetInstanceAsync(requestId, getInputsAndOutputs: false, cancellationToken) is not null)
        {
            return;
        }

        var input = new DsrOrchestrationInput(requestId, type, (clock.GetUtcNow() + options.Value.Verification.Window).UtcDateTime);
        await client.ScheduleNewOrchestrationInstanceAsync(
            DsrRequestOrchestrator.Name, input, new StartOrchestrationOptions(requestId), cancellationToken);
    }

    private async Task<DsrRequest> AddOnceAsync(DsrRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await requests.AddAsync(request, cancellationToken);
            return request;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // The same message taken in again after an interruption: carry on with the row written the first time.
            return await requests.GetAsync(request.Id, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {RequestId} accepted: {Status} via {Channel}")]
    private static partial void LogAccepted(ILogger logger, string requestId, RequestStatus status, IntakeChannel channel);
}

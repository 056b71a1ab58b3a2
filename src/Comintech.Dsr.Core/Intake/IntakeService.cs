using Comintech.Dsr.Deadlines;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.Fulfilment;
using Comintech.Dsr.Hosting;
using Comintech.Dsr.Storage;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Comintech.Dsr.Intake;

/// <summary>
/// Accepts a validated request from any channel: stores it (the clock starts now), records receipt as evidence,
/// and starts its orchestration with the request id as instance id (so a retried start cannot start two).
/// </summary>
public sealed partial class IntakeService(
    RequestStore requests, EvidenceLedger evidence, IOptions<DsrOptions> options, TimeProvider clock, ILogger<IntakeService> logger)
{
    public async Task<DsrRequest> SubmitAsync(RequestSubmission submission, IntakeChannel channel, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var receivedAt = clock.GetUtcNow();
        var request = new DsrRequest(
            RequestId.New(),
            submission.Type,
            channel,
            submission.Jurisdiction,
            submission.Language,
            receivedAt,
            LegalCalendar.DueAt(submission.Jurisdiction, receivedAt, options.Value.Deadlines.HolidaysFor(submission.Jurisdiction)),
            RequestStatus.Received,
            submission.Subject,
            submission.Details,
            submission.Corrections);

        await requests.AddAsync(request, cancellationToken);
        await evidence.AppendAsync(
            request.Id, "received", EvidenceEvents.Received,
            new
            {
                type = request.Type.ToWire(),
                channel = channel.ToString(),
                jurisdiction = request.Jurisdiction.ToString(),
                receivedAt = request.ReceivedAt,
                dueAt = request.DueAt,
                correctedFields = request.Corrections.Keys.Order(),
            },
            cancellationToken: cancellationToken);

        var input = new DsrOrchestrationInput(
            request.Id, request.Type, (receivedAt + options.Value.Verification.Window).UtcDateTime, options.Value.Approval.IsRequiredFor(request.Type));
        await client.ScheduleNewOrchestrationInstanceAsync(
            DsrRequestOrchestrator.Name, input, new StartOrchestrationOptions(request.Id), cancellationToken);
        await StartDeadlineWatchAsync(request, client, cancellationToken);
        LogAccepted(logger, request.Id, request.Type, channel);
        return request;
    }

    /// <summary>
    /// Reminders are a help, not part of the request: when the watch cannot start, the accepted request must not fail
    /// (the person would send it again), so this is logged and the staff list still shows the deadline.
    /// </summary>
    private async Task StartDeadlineWatchAsync(DsrRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                DeadlineWatchOrchestrator.Name,
                new DeadlineWatchInput(request.Id, request.DueAt.UtcDateTime, options.Value.Deadlines.EffectiveReminderOffsets),
                new StartOrchestrationOptions(DeadlineWatchOrchestrator.InstanceIdFor(request.Id)),
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogWatchNotStarted(logger, request.Id, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId}: the deadline watch did not start ({Failure}); no reminders for it")]
    private static partial void LogWatchNotStarted(ILogger logger, string requestId, string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {RequestId} accepted: {Type} via {Channel}")]
    private static partial void LogAccepted(ILogger logger, string requestId, RequestType type, IntakeChannel channel);
}

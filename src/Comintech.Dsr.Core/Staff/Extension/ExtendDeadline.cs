namespace Comintech.Dsr.Staff.Extension;

/// <summary>
/// Staff extend a request's deadline once, within its first period, with a reason: audit row, new due date, the
/// reasoned notice to the person, evidence, and the deadline watch told of the new date.
/// </summary>
public sealed class ExtendDeadline(
    RequestStore requests, EvidenceLedger evidence, StaffAuditLog audit, INotifier notifier, IOptions<DeadlineOptions> deadlines, IOptions<NoticeOptions> notices, TimeProvider clock)
{
    /// <returns>The new due date.</returns>
    public async Task<UseCaseResult<DateTimeOffset>> ExtendAsync(
        DsrRequest request, string reason, StaffPrincipal staff, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var holidays = deadlines.Value.HolidaysFor(request.Jurisdiction);
        if (!CanExtend(request, holidays, clock.GetUtcNow()))
        {
            return UseCaseFailure.Conflict(
                "Cannot extend",
                !request.Type.CanBeExtended() ? "An opt-out of sale or sharing must be acted on within 15 business days; it cannot be extended."
                : request.ExtendedAt is not null ? "The deadline was extended already; it can be extended once."
                : request.Status.IsFinal() ? $"The request is already {request.Status}."
                : "An extension must be notified within the first period, which has ended.");
        }

        var newDueAt = LegalCalendar.ExtendedDueAt(request.Jurisdiction, request.ReceivedAt, holidays);
        await audit.AppendAsync(staff, StaffActions.Extend, request.Id, reason, cancellationToken);
        await requests.ExtendAsync(request.Id, newDueAt, reason, cancellationToken);
        var notice = MessageTemplates.Extension(request, newDueAt, reason, notices.Value);
        await notifier.SendAsync(notice, cancellationToken);
        await evidence.AppendAsync(
            request.Id, DeadlineExtended.Key, new DeadlineExtended(request.DueAt, newDueAt, notice.IdempotencyKey), staff.Actor, cancellationToken);
        var watch = DeadlineWatchOrchestrator.InstanceIdFor(request.Id);
        if (await client.GetInstanceAsync(watch, cancellationToken) is { IsRunning: true })
        {
            await client.RaiseEventAsync(watch, DeadlineWatchOrchestrator.DeadlineExtendedEvent, newDueAt.UtcDateTime, cancellationToken);
        }

        return newDueAt;
    }

    /// <summary>Once, before the first deadline has passed, while the request is open.</summary>
    public static bool CanExtend(DsrRequest request, HolidayCalendar holidays, DateTimeOffset now) =>
        !request.Status.IsFinal()
        && request.Type.CanBeExtended()
        && request.ExtendedAt is null
        && LegalCalendar.CanExtendAt(request.Jurisdiction, request.ReceivedAt, holidays, now);
}

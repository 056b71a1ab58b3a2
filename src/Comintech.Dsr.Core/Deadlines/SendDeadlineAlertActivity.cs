namespace Comintech.Dsr.Deadlines;

/// <summary>
/// Tells the staff mailbox (<c>Dsr:Staff:NotifyAddress</c>) that a request is due soon or overdue, and records it as
/// evidence. The message names the request id, type, status and deadline, never the person.
/// </summary>
/// <returns>False when the request is closed (the watch then ends).</returns>
public sealed class SendDeadlineAlertActivity(RequestStore requests, INotifier notifier, EvidenceLedger evidence, PublicLinks links, IOptions<StaffOptions> staff)
    : IDsrActivity<DeadlineAlertInput, bool>
{
    public async Task<bool> RunAsync(DeadlineAlertInput input, CancellationToken cancellationToken)
    {
        var request = await requests.GetAsync(input.RequestId, cancellationToken);
        if (request.Status.IsFinal())
        {
            return false;
        }

        var purpose = input.Kind == DeadlineAlertKind.Overdue
            ? $"overdue-{input.DueAtUtc:yyyyMMdd}"
            : $"reminder-{input.DueAtUtc:yyyyMMdd}-{(long)input.Before.TotalMinutes}m";
        var address = staff.Value.NotifyAddress;
        if (!string.IsNullOrWhiteSpace(address))
        {
            await notifier.SendAsync(Message(request, input, purpose, address, links.StaffConsole()), cancellationToken);
        }

        await evidence.AppendAsync(
            input.RequestId, DeadlineAlert.Key(purpose), DeadlineAlert.For(input, notified: !string.IsNullOrWhiteSpace(address)), cancellationToken: cancellationToken);
        return true;
    }

    private static OutgoingEmail Message(DsrRequest request, DeadlineAlertInput input, string purpose, string address, string consoleLink)
    {
        var due = input.DueAtUtc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var subject = input.Kind == DeadlineAlertKind.Overdue
            ? $"OVERDUE: privacy request {request.Id} passed its deadline ({due})"
            : $"Reminder: privacy request {request.Id} is due {due}";
        var body = $"Request {request.Id}: {request.Type.ToWire()} ({request.Jurisdiction}), status {request.Status}.\n"
                   + $"Deadline: {due}.\n"
                   + (input.Kind == DeadlineAlertKind.Overdue ? "It is overdue: act now or record why.\n" : $"Reminder sent {input.Before.TotalDays:0.#} day(s) before the deadline.\n")
                   + $"Open it in the staff console: {consoleLink}\n";
        return new OutgoingEmail($"{request.Id}.{purpose}", address, "Privacy team", subject, body);
    }
}

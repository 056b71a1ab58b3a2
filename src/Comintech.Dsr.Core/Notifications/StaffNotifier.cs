namespace Comintech.Dsr.Notifications;

/// <summary>
/// Messages to the privacy team (staff tasks, reminders, escalations), to <c>Dsr:Staff:NotifyAddress</c>
/// (default: the sender address). They carry request and store ids and links, never the person's data.
/// </summary>
public sealed class StaffNotifier(INotifier notifier, IOptions<StaffOptions> staff, IOptions<MailOptions> mail)
{
    public Task SendAsync(string idempotencyKey, string subject, string body, CancellationToken cancellationToken)
    {
        var to = staff.Value.NotifyAddress is { Length: > 0 } address ? address : mail.Value.FromAddress;
        return notifier.SendAsync(new OutgoingEmail(idempotencyKey, to, "Privacy team", subject, body), cancellationToken);
    }
}

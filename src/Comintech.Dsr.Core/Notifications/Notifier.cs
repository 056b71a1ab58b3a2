namespace Comintech.Dsr.Notifications;

/// <summary>
/// One outgoing message. <see cref="IdempotencyKey"/> is non-personal (request id + purpose) and names the message
/// in logs and in the pickup folder.
/// </summary>
public sealed record OutgoingEmail(string IdempotencyKey, string ToAddress, string ToName, string Subject, string TextBody);

/// <summary>Every message to a person or a partner goes through this.</summary>
public interface INotifier
{
    Task SendAsync(OutgoingEmail message, CancellationToken cancellationToken);
}

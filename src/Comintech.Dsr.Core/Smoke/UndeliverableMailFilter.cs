namespace Comintech.Dsr.Smoke;

/// <summary>Hands every message to the mail service except those to a reserved <c>.invalid</c> address (smoke tests).</summary>
public sealed class UndeliverableMailFilter(INotifier delivery) : INotifier
{
    public Task SendAsync(OutgoingEmail message, CancellationToken cancellationToken) =>
        SmokeSandbox.IsUndeliverable(message.ToAddress) ? Task.CompletedTask : delivery.SendAsync(message, cancellationToken);
}

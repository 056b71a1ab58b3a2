namespace Comintech.Dsr.Functions.Deadlines;

/// <summary>The deadline sweep (alerts and verification windows due) on the Functions host, every five minutes.</summary>
public sealed class DeadlineSweepFunction(DeadlineSweep sweep, TimeProvider clock)
{
    [Function(nameof(DeadlineSweepFunction))]
    public Task Run([TimerTrigger("0 */5 * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        sweep.RunAsync(clock.GetUtcNow().UtcDateTime, client, cancellationToken);
}

namespace Comintech.Dsr.LocalEngine.Engine;

/// <summary>
/// Runs the deadline sweep (alerts and verification windows due) at start and every <c>Dsr:Deadlines:SweepInterval</c>
/// (the Functions host's timer does the same).
/// </summary>
public sealed partial class DeadlineSweeper(
    DeadlineSweep sweep, DurableTaskClient client, IOptions<DeadlineOptions> options, TimeProvider clock, ILogger<DeadlineSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        do
        {
            try
            {
                using var step = StorageTransactions.Step("DeadlineSweep");
                await sweep.RunAsync(clock.GetUtcNow().UtcDateTime, client, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The deadline sweep failed ({ExceptionType}); tried again at the next interval")]
    private static partial void LogFailed(ILogger logger, string exceptionType);
}

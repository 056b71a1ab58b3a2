using Comintech.Dsr.Retention;
using Microsoft.Extensions.Options;

namespace Comintech.Dsr.LocalEngine.Engine;

/// <summary>Checks after start and then daily that the retention schedule runs (as the Functions timer does), behind the reconciliation at start.</summary>
public sealed partial class RetentionStarter(DurableTaskClient client, IOptions<RetentionOptions> options, ILogger<RetentionStarter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1));
        // The reconciliation at start ensures the schedule first; this is the daily check behind it.
        await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken);
        do
        {
            try
            {
                await RetentionOrchestrator.EnsureStartedAsync(client, options.Value.Interval, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogNotStarted(logger, ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The retention schedule could not be started ({ExceptionType}); tried again tomorrow or at the next start")]
    private static partial void LogNotStarted(ILogger logger, string exceptionType);
}

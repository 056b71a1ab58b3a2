using Comintech.Dsr.Recovery;

namespace Comintech.Dsr.LocalEngine.Engine;

/// <summary>
/// Runs the reconciliation once the engine is up: a request left behind by a crash (stored but never started, its
/// workflow failed, or its record disagreeing with a finished workflow) is dealt with at every start.
/// </summary>
public sealed partial class ReconcileAtStart(IServiceProvider services, DurableTaskClient client, ILogger<ReconcileAtStart> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Let the worker connect first: the pass reads instance states through the same sidecar.
            await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            await PassAsync(stoppingToken);
            // A request stored just before the crash was too young for the first pass (its intake might still have
            // been running); once that grace is over, a second pass starts it if nothing else did.
            await Task.Delay(WorkflowRecovery.IntakeGrace + TimeSpan.FromSeconds(5), stoppingToken);
            await PassAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex.GetType().Name);
        }
    }

    private async Task PassAsync(CancellationToken stoppingToken)
    {
        var report = await services.GetRequiredService<WorkflowRecovery>().ReconcileAsync(client, stoppingToken);
        LogReconciled(logger, report.Examined, report.Started, report.FailedFound, report.Repaired);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconciliation at start: {Examined} requests examined, {Started} started, {Failed} failed workflows reported, {Repaired} repaired")]
    private static partial void LogReconciled(ILogger logger, int examined, int started, int failed, int repaired);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciliation at start did not finish ({Failure}); staff can run it with POST /api/staff/reconcile")]
    private static partial void LogFailed(ILogger logger, string failure);
}

namespace Comintech.Dsr.Fulfilment.Restore;

/// <summary>
/// After a backup is restored: re-applies every erasure in its restore-suppression ledger to the stores the backup
/// covers, each store action with its own retry policy, so no erased person comes back with the restored data.
/// </summary>
public sealed partial class RestoredBackupOrchestrator : TaskOrchestrator<RestoreInput, RestoreResult>
{
    public const string Name = nameof(RestoredBackupOrchestrator);

    public override async Task<RestoreResult> RunAsync(TaskOrchestrationContext context, RestoreInput input)
    {
        var logger = context.CreateReplaySafeLogger<RestoredBackupOrchestrator>();
        var plan = await context.CallActivityAsync<RestorePlan>(DsrActivityNames.ListLedgeredErasures, input, StepRetry.Transient);
        var actions = plan.Erasures
            .SelectMany(e => e.Stores.Select(store => ReapplyAsync(context, new ReapplyInput(e.RequestId, store.StoreId, input.RestoreId), store)))
            .ToList();
        var done = await Task.WhenAll(actions);
        var result = new RestoreResult(plan.Erasures.Count, done.Count(d => d), done.Count(d => !d));
        LogRestored(logger, input.RestoreId, input.BackupStoreId, result.Erasures, result.StoreActionsDone, result.StoreActionsFailed);
        return result;
    }

    private static async Task<bool> ReapplyAsync(TaskOrchestrationContext context, ReapplyInput input, PlannedStore store)
    {
        var retry = TaskOptions.FromRetryPolicy(new RetryPolicy(store.MaxAttempts, store.FirstRetryInterval, store.BackoffCoefficient));
        try
        {
            await context.CallActivityAsync<ConnectorOutcome>(DsrActivityNames.ReapplyErasure, input, retry);
            return true;
        }
        catch (TaskFailedException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Restore {RestoreId} of {BackupStoreId}: {Erasures} erasure(s) re-applied, {Done} store action(s) done, {Failed} failed")]
    private static partial void LogRestored(ILogger logger, string restoreId, string backupStoreId, int erasures, int done, int failed);
}

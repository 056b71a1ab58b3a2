namespace Comintech.Dsr.Fulfilment.Restore;

/// <summary>The body of POST /api/staff/backups/restored: <c>{"storeId": "...", "backupId": "..."}</c>.</summary>
public sealed record BackupRestoredBody(string StoreId, string BackupId) : IRequestBody<BackupRestoredBody>
{
    public static BackupRestoredBody? Read(BodyFields fields, Dictionary<string, List<string>> errors)
    {
        var storeId = fields.Id("storeId", errors);
        var backupId = fields.Id("backupId", errors);
        return errors.Count > 0 ? null : new BackupRestoredBody(storeId!, backupId!);
    }
}

/// <summary>
/// Staff report that a backup of a store was restored: the orchestration that re-applies every ledgered erasure to the
/// stores it covers is started, and the audit log says who reported it.
/// </summary>
public sealed class BackupRestored(IOptions<DataMapOptions> dataMap, StaffAuditLog audit)
{
    public async Task<UseCaseResult<RestoreStarted>> StartAsync(BackupRestoredBody restored, StaffPrincipal staff, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var store = dataMap.Value.Stores.FirstOrDefault(s => string.Equals(s.Id, restored.StoreId, StringComparison.OrdinalIgnoreCase));
        if (store?.Kind.Equals(BackupConnector.KindName, StringComparison.OrdinalIgnoreCase) != true)
        {
            return UseCaseFailure.Invalid("storeId", "Not a store of kind Backup in the data map.");
        }

        var restoreId = "restore-" + RequestId.New();
        await client.ScheduleNewOrchestrationInstanceAsync(
            RestoredBackupOrchestrator.Name, new RestoreInput(restoreId, store.Id, restored.BackupId), new StartOrchestrationOptions(restoreId), cancellationToken);
        await audit.AppendAsync(staff, StaffActions.BackupRestored, null, $"{store.Id} {restored.BackupId} {restoreId}", cancellationToken);
        return new RestoreStarted(restoreId, store.Id, restored.BackupId);
    }
}

public sealed record RestoreStarted(string RestoreId, string StoreId, string BackupId);

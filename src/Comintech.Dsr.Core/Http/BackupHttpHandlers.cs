using Comintech.Dsr.Connectors;
using Comintech.Dsr.Connectors.Backups;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Fulfilment.Restore;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Comintech.Dsr.Http;

/// <summary>Staff routes about backups. They must sit behind staff authentication in both hosts.</summary>
public sealed class BackupHttpHandlers(IOptions<DataMapOptions> dataMap)
{
    /// <summary>
    /// POST /api/staff/backups/restored with <c>{"storeId": "...", "backupId": "..."}</c>: a backup of that store was
    /// restored; starts the orchestration that re-applies every ledgered erasure to the stores it covers.
    /// </summary>
    public async Task<IResult> RestoredAsync(HttpRequest http, DurableTaskClient client)
    {
        var (fields, failure) = await StaffBody.ReadAsync(http);
        if (failure is not null)
        {
            return failure;
        }

        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var storeId = StaffBody.Id(fields, "storeId", errors);
        var backupId = StaffBody.Id(fields, "backupId", errors);
        var store = storeId is null ? null : dataMap.Value.Stores.FirstOrDefault(s => string.Equals(s.Id, storeId, StringComparison.OrdinalIgnoreCase));
        if (storeId is not null && store?.Kind.Equals(BackupConnector.KindName, StringComparison.OrdinalIgnoreCase) != true)
        {
            errors["storeId"] = ["Not a store of kind Backup in the data map."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        var restoreId = "restore-" + RequestId.New();
        await client.ScheduleNewOrchestrationInstanceAsync(
            RestoredBackupOrchestrator.Name, new RestoreInput(restoreId, store!.Id, backupId!), new StartOrchestrationOptions(restoreId), http.HttpContext.RequestAborted);
        return Results.Accepted(value: new RestoreStarted(restoreId, store.Id, backupId!));
    }
}

public sealed record RestoreStarted(string RestoreId, string StoreId, string BackupId);

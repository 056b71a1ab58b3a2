using Comintech.Dsr.Connectors;
using Comintech.Dsr.Connectors.Backups;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Fulfilment.Restore;
using Comintech.Dsr.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Comintech.Dsr.Http;

/// <summary>Staff routes about backups (staff credentials required; each use is in the audit log).</summary>
public sealed class BackupHttpHandlers(IOptions<DataMapOptions> dataMap, StaffAuthenticator authenticator, StaffAuditLog audit)
{
    /// <summary>
    /// POST /api/staff/backups/restored with <c>{"storeId": "...", "backupId": "..."}</c>: a backup of that store was
    /// restored; starts the orchestration that re-applies every ledgered erasure to the stores it covers.
    /// </summary>
    public async Task<IResult> RestoredAsync(HttpRequest http, DurableTaskClient client)
    {
        var staff = authenticator.Authenticate(http);
        if (staff is null)
        {
            return StaffProblems.Unauthorized();
        }

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
        await audit.AppendAsync(staff, StaffActions.BackupRestored, null, $"{store.Id} {backupId} {restoreId}", http.HttpContext.RequestAborted);
        return Results.Accepted(value: new RestoreStarted(restoreId, store.Id, backupId!));
    }
}

public sealed record RestoreStarted(string RestoreId, string StoreId, string BackupId);

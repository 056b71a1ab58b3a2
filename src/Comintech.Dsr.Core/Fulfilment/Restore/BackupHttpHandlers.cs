namespace Comintech.Dsr.Fulfilment.Restore;

/// <summary>Staff routes about backups (staff credentials required; each use is in the audit log).</summary>
public sealed class BackupHttpHandlers(StaffAuthenticator authenticator, BackupRestored restored)
{
    /// <summary>POST /api/staff/backups/restored with <see cref="BackupRestoredBody"/>: re-applies the erasures the restored backup covers.</summary>
    public async Task<IResult> RestoredAsync(HttpRequest http, DurableTaskClient client)
    {
        var staff = authenticator.Authenticate(http);
        if (staff is null)
        {
            return StaffProblems.Unauthorized();
        }

        var (body, failure) = await RequestBodies.ReadAsync<BackupRestoredBody>(http);
        return failure
            ?? (await restored.StartAsync(body!, staff, client, http.HttpContext.RequestAborted)).ToHttp(started => Results.Accepted(value: started));
    }
}

namespace Comintech.Dsr.Staff;

/// <summary>
/// POST /api/staff/requests/{id}/classify with <see cref="ClassifyBody"/>: staff decide what a NeedsTriage e-mail asks
/// for, and from then on it runs like a web request. The clock kept running from receipt.
/// </summary>
public sealed class StaffTriageHandlers(StaffAuthenticator authenticator, ClassifyRequest classify)
{
    public async Task<IResult> ClassifyAsync(HttpRequest http, string requestId, DurableTaskClient client)
    {
        var staff = authenticator.Authenticate(http);
        if (staff is null)
        {
            return StaffProblems.Unauthorized();
        }

        var (body, failure) = await RequestBodies.ReadAsync<ClassifyBody>(http);
        return failure
            ?? (await classify.ClassifyAsync(requestId, body!, staff, client, http.HttpContext.RequestAborted))
                .ToHttp(action => Results.Ok(new StaffActionResponse(requestId, action, null)));
    }
}

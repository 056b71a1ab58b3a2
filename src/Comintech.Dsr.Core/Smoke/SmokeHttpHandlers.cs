namespace Comintech.Dsr.Smoke;

/// <summary>
/// The smoke routes a post-deploy test calls with <c>X-Dsr-Smoke-Key</c> (<c>scripts/smoke.sh</c>): start a smoke
/// access request, and confirm it without the code no one receives. 404 while <c>Dsr:Smoke:Key</c> is empty; 401 for
/// a wrong key. The request then runs the real workflow against the sandbox store only.
/// </summary>
public sealed class SmokeHttpHandlers(
    IOptions<SmokeOptions> options, IntakeService intake, RequestStore requests, VerificationService verification, EvidenceLedger evidence, DsrStorage storage)
{
    /// <summary>POST /api/smoke/requests</summary>
    public async Task<IResult> StartAsync(HttpRequest http, DurableTaskClient client)
    {
        if (Refusal(http) is { } refusal)
        {
            return refusal;
        }

        var cancellationToken = http.HttpContext.RequestAborted;
        var email = $"smoke-{Guid.NewGuid():N}@{SmokeSandbox.MailDomain}";
        var submission = new RequestSubmission(
            RequestType.Access, new DataSubject(email, "Smoke Test", null), Jurisdiction.GDPR, "en", "Post-deploy smoke test", new Dictionary<string, string>());
        var request = await intake.SubmitAsync(submission, IntakeChannel.Smoke, client, cancellationToken);
        await storage.Tables.GetTableClient(DsrStorage.SmokeSandboxTable)
            .UpsertEntityAsync(SmokeSandbox.Row(email, request.Id), cancellationToken: cancellationToken);
        var statusUrl = $"{http.Scheme}://{http.Host}{PublicLinks.StatusApiPath(request.Id)}";
        return Results.Accepted(statusUrl, new SubmitResponse(request.Id, request.Status.ToString(), statusUrl));
    }

    /// <summary>POST /api/smoke/requests/{id}/verify: 200 once confirmed; 409 while no code has been issued yet.</summary>
    public async Task<IResult> VerifyAsync(HttpRequest http, string requestId, DurableTaskClient client)
    {
        if (Refusal(http) is { } refusal)
        {
            return refusal;
        }

        var cancellationToken = http.HttpContext.RequestAborted;
        if (await requests.FindAsync(requestId, cancellationToken) is not { } request || !request.IsSmoke())
        {
            return Problems.UnknownRequest();
        }

        if (!await verification.ConfirmSmokeAsync(requestId, cancellationToken))
        {
            return Problems.Status(StatusCodes.Status409Conflict, "No code yet", "No code has been issued for this request yet. Try again shortly.");
        }

        await evidence.AppendAsync(requestId, VerificationSucceeded.Key, VerificationSucceeded.BySmokeKey, cancellationToken: cancellationToken);
        await client.RaiseEventAsync(requestId, DsrEvents.IdentityVerified, true, cancellationToken);
        return Results.Ok(new VerifyResponse(requestId, "verified"));
    }

    private IResult? Refusal(HttpRequest http)
    {
        var smoke = options.Value;
        return !smoke.Enabled ? Results.NotFound()
            : !smoke.Authorises(http) ? Problems.Status(StatusCodes.Status401Unauthorized, "Not authorised", "The smoke key is missing or wrong.")
            : null;
    }
}

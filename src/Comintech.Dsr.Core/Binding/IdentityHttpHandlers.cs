namespace Comintech.Dsr.Binding;

/// <summary>
/// The routes that bind an account at tier 2: the person presenting a control-panel link for an open request, and staff
/// after matching further data points on record (audited). Both call <see cref="BindAccount"/>.
/// </summary>
public sealed class IdentityHttpHandlers(RequestStore requests, SubmissionGate gate, BindAccount bind, StaffAuthenticator authenticator)
{
    /// <summary>POST /api/requests/{id}/identity with <c>identityToken</c> (JSON or form).</summary>
    public async Task<IResult> PresentLinkAsync(HttpRequest http, string requestId, DurableTaskClient client)
    {
        var (request, body, failure) = await gate.FindWithBodyAsync<IdentityTokenBody>(http, requestId);
        return failure
            ?? (await bind.PresentLinkAsync(request!, body!.Token, client, http.HttpContext.RequestAborted)).ToHttp(bound => Answer(requestId, bound));
    }

    /// <summary>POST /api/staff/requests/{id}/identity/bind with <see cref="StaffBindBody"/>.</summary>
    public async Task<IResult> StaffBindAsync(HttpRequest http, string requestId, DurableTaskClient client)
    {
        var access = await authenticator.AuthenticateForRequestAsync(requests, http, requestId);
        if (access.Denied)
        {
            return access.Failure;
        }

        var (body, failure) = await RequestBodies.ReadAsync<StaffBindBody>(http);
        return failure
            ?? (await bind.StaffBindAsync(access.Request, body!, access.Staff, client, http.HttpContext.RequestAborted)).ToHttp(bound => Answer(requestId, bound));
    }

    private static IResult Answer(string requestId, BindingResult bound) =>
        Results.Ok(new IdentityBindingResponse(requestId, (int)bound.Identity.Tier, bound.RerunStarted));
}

public sealed record IdentityBindingResponse(string RequestId, int Tier, bool RerunStarted);

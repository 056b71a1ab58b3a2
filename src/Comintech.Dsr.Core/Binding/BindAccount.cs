namespace Comintech.Dsr.Binding;

/// <summary>
/// An account is bound to an open request at tier 2: by the person presenting a control-panel link for the request's
/// address, or by staff after matching further data points on record (audited). See <see cref="IdentityBindingService"/>.
/// </summary>
public sealed class BindAccount(ControlPanelLinks links, IdentityBindingService binding, StaffAuditLog audit)
{
    public const string TokenField = "identityToken";
    public const string RefusedToken = "The control-panel link is not valid: it was altered, has expired, or is for another address.";

    public async Task<UseCaseResult<BindingResult>> PresentLinkAsync(DsrRequest request, string? token, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var claims = links.Verify(token);
        if (claims is null || !EmailAddresses.SameMailbox(claims.Email, request.Subject.Email))
        {
            return UseCaseFailure.Invalid(TokenField, RefusedToken);
        }

        return IdentityBindingService.CanBind(request)
            ? await binding.BindAsync(request, claims.AccountId, BindingSource.ControlPanel, "control-panel", client, cancellationToken)
            : UseCaseFailure.Conflict("Request closed", $"The request is {request.Status}; send a new request with the link.");
    }

    public async Task<UseCaseResult<BindingResult>> StaffBindAsync(
        DsrRequest request, StaffBindBody body, StaffPrincipal staff, DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (!IdentityBindingService.CanBind(request))
        {
            return UseCaseFailure.Conflict("Cannot bind", $"The request is {request.Status}.");
        }

        await audit.AppendAsync(staff, StaffActions.BindIdentity, request.Id, body.Reason, cancellationToken);
        return await binding.BindAsync(request, body.AccountId, BindingSource.Staff, staff.Actor, client, cancellationToken);
    }
}

using Comintech.Dsr.Http;
using Comintech.Dsr.Intake;
using Comintech.Dsr.Staff;
using Comintech.Dsr.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace Comintech.Dsr.Identity;

/// <summary>
/// The routes that bind an account at tier 2: the person presenting a control-panel link for an open request, and staff
/// after matching further data points on record (audited).
/// </summary>
public sealed class IdentityHttpHandlers(
    RequestStore requests,
    Limits.SubmissionGate gate,
    ControlPanelLinks links,
    IdentityBindingService binding,
    StaffAuthenticator authenticator,
    StaffAuditLog audit)
{
    public const string TokenField = "identityToken";
    public const string RefusedToken = "The control-panel link is not valid: it was altered, has expired, or is for another address.";

    /// <summary>POST /api/requests/{id}/identity with <c>identityToken</c> (JSON or form).</summary>
    public async Task<IResult> PresentLinkAsync(HttpRequest http, string requestId, DurableTaskClient client)
    {
        var cancellationToken = http.HttpContext.RequestAborted;
        var request = await gate.FindAsync(requestId, cancellationToken);
        if (request is null)
        {
            return Problems.UnknownRequest();
        }

        var (fields, failure) = await StaffBody.ReadAsync(http);
        if (failure is not null)
        {
            return failure;
        }

        var claims = links.Verify(fields.GetValueOrDefault(TokenField));
        if (claims is null || !EmailAddresses.SameMailbox(claims.Email, request.Subject.Email))
        {
            return Problems.Validation(new Dictionary<string, List<string>> { [TokenField] = [RefusedToken] });
        }

        if (!IdentityBindingService.CanBind(request))
        {
            return Problems.Status(StatusCodes.Status409Conflict, "Request closed", $"The request is {request.Status}; send a new request with the link.");
        }

        var result = await binding.BindAsync(request, claims.AccountId, BindingSource.ControlPanel, "control-panel", client, cancellationToken);
        return Results.Ok(new IdentityBindingResponse(requestId, (int)result.Identity.Tier, result.RerunStarted));
    }

    /// <summary>POST /api/staff/requests/{id}/identity/bind with <c>accountId</c> and <c>reason</c> (the data points matched).</summary>
    public async Task<IResult> StaffBindAsync(HttpRequest http, string requestId, DurableTaskClient client)
    {
        var access = await authenticator.AuthenticateForRequestAsync(requests, http, requestId);
        if (access.Denied)
        {
            return access.Failure;
        }

        var (fields, failure) = await StaffBody.ReadAsync(http);
        if (failure is not null)
        {
            return failure;
        }

        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var accountId = fields.GetValueOrDefault("accountId")?.Trim();
        if (accountId is null || !RequestSubmissionValidator.IsAccountId(accountId))
        {
            errors["accountId"] = [$"Required: at most {RequestSubmissionValidator.MaxAccountIdLength} letters, digits, '-', '_' or '.'."];
        }

        var reason = fields.GetValueOrDefault("reason")?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > StaffActionHandlers.MaxReasonLength)
        {
            errors["reason"] = [$"Required (which data points on record were matched), at most {StaffActionHandlers.MaxReasonLength} characters."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        if (!IdentityBindingService.CanBind(access.Request))
        {
            return StaffProblems.Conflict("Cannot bind", $"The request is {access.Request.Status}.");
        }

        var cancellationToken = http.HttpContext.RequestAborted;
        await audit.AppendAsync(access.Staff, StaffActions.BindIdentity, requestId, reason, cancellationToken);
        var result = await binding.BindAsync(access.Request, accountId!, BindingSource.Staff, "staff:" + access.Staff.Name, client, cancellationToken);
        return Results.Ok(new IdentityBindingResponse(requestId, (int)result.Identity.Tier, result.RerunStarted));
    }
}

public sealed record IdentityBindingResponse(string RequestId, int Tier, bool RerunStarted);

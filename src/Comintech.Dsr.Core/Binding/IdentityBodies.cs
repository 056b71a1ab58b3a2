namespace Comintech.Dsr.Binding;

/// <summary>The body of POST /api/requests/{id}/identity: the control-panel link's <c>identityToken</c> (JSON or form).</summary>
public sealed record IdentityTokenBody(string? Token) : IRequestBody<IdentityTokenBody>
{
    public static IdentityTokenBody? Read(BodyFields fields, Dictionary<string, List<string>> errors) =>
        new(fields.Raw(BindAccount.TokenField));
}

/// <summary>The body of POST /api/staff/requests/{id}/identity/bind: <c>accountId</c> and <c>reason</c> (the data points matched).</summary>
public sealed record StaffBindBody(string AccountId, string Reason) : IRequestBody<StaffBindBody>
{
    public static StaffBindBody? Read(BodyFields fields, Dictionary<string, List<string>> errors)
    {
        var accountId = fields.Text("accountId", errors);
        if (accountId is null || !RequestSubmissionValidator.IsAccountId(accountId))
        {
            errors["accountId"] = [$"Required: at most {RequestSubmissionValidator.MaxAccountIdLength} letters, digits, '-', '_' or '.'."];
        }

        var reason = fields.Text("reason", errors);
        if (reason is null || reason.Length > StaffReasonBody.MaxReasonLength)
        {
            errors["reason"] = [$"Required (which data points on record were matched), at most {StaffReasonBody.MaxReasonLength} characters."];
        }

        return errors.Count > 0 ? null : new StaffBindBody(accountId!, reason!);
    }
}

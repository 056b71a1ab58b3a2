namespace Comintech.Dsr.Verification;

/// <summary>The body of POST /api/requests/{id}/verify: <c>{ "code": "NNNNNN" }</c> (JSON or form).</summary>
public sealed record CodeBody(string Code) : IRequestBody<CodeBody>
{
    public static CodeBody? Read(BodyFields fields, Dictionary<string, List<string>> errors)
    {
        var code = fields.String("code", errors);
        if (errors.Count == 0 && !VerificationCodes.IsWellFormed(code))
        {
            errors["code"] = ["Required: the 6-digit code from the e-mail."];
        }

        return errors.Count > 0 ? null : new CodeBody(code!);
    }
}

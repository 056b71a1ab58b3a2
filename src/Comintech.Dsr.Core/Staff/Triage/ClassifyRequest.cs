namespace Comintech.Dsr.Staff.Triage;

/// <summary>The body of POST /api/staff/requests/{id}/classify: <c>{ "type": "deletion" }</c>; a correction may give <c>"corrections": { field: new value }</c>.</summary>
public sealed record ClassifyBody(RequestType Type, Dictionary<string, string> Corrections) : IRequestBody<ClassifyBody>
{
    public static ClassifyBody? Read(BodyFields fields, Dictionary<string, List<string>> errors)
    {
        var typeText = fields.String("type", errors);
        var corrections = fields.Map(Intake.SubmissionBody.CorrectionsField, errors);
        if (errors.Count == 0 && !WireNames.TryParseRequestType(typeText, out _))
        {
            errors["type"] = ["Required: access, correction, deletion or optout."];
        }

        return errors.Count == 0 && WireNames.TryParseRequestType(typeText, out var type) ? new ClassifyBody(type, corrections) : null;
    }
}

/// <summary>
/// Staff decide what a NeedsTriage e-mail asks for (see <see cref="TriageService"/>); from then on it runs like a web
/// request, and the audit log says who classified it.
/// </summary>
public sealed class ClassifyRequest(TriageService triage, StaffAuditLog audit)
{
    public async Task<UseCaseResult<string>> ClassifyAsync(
        string requestId, ClassifyBody body, StaffPrincipal staff, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var outcome = await triage.ClassifyAsync(requestId, body.Type, body.Corrections, staff.Actor, client, cancellationToken);
        switch (outcome.Result)
        {
            case TriageResult.Classified:
                await audit.AppendAsync(staff, StaffActions.Classify, requestId, body.Type.ToWire(), cancellationToken);
                return StaffActions.Classify;
            case TriageResult.UnknownRequest:
                return UseCaseFailure.UnknownRequest();
            case TriageResult.InvalidCorrections:
                return UseCaseFailure.Invalid(outcome.Errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
            default:
                return UseCaseFailure.Conflict("Not awaiting triage", "Only a request in NeedsTriage can be classified.");
        }
    }
}

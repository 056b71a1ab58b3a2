using Comintech.Dsr.Domain;
using Comintech.Dsr.Http;
using Comintech.Dsr.Inbox;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace Comintech.Dsr.Staff;

/// <summary>
/// POST /api/staff/requests/{id}/classify with { "type": "deletion" } (a correction also gives
/// "corrections": { field: new value }, read from the person's message): staff decide what a NeedsTriage e-mail
/// asks for, and from then on it runs like a web request. The clock kept running from receipt.
/// </summary>
public sealed class StaffTriageHandlers(StaffAuthenticator authenticator, StaffAuditLog audit, TriageService triage)
{
    public async Task<IResult> ClassifyAsync(HttpRequest http, string requestId, DurableTaskClient client)
    {
        var staff = authenticator.Authenticate(http);
        if (staff is null)
        {
            return StaffProblems.Unauthorized();
        }

        var (body, failure) = await BoundedBody.ReadKnownAsync(http);
        if (failure is not null)
        {
            return failure;
        }

        var cancellationToken = http.HttpContext.RequestAborted;
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var (fields, corrections) = body!.Value.Kind == BodyKind.Json ? SubmissionReader.FromJson(body.Value.Text, errors) : SubmissionReader.FromForm(body.Value.Text, errors);
        if (errors.Count == 0 && !WireNames.TryParseRequestType(fields.GetValueOrDefault("type"), out _))
        {
            errors["type"] = ["Required: access, correction, deletion or optout."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        WireNames.TryParseRequestType(fields["type"], out var type);
        var outcome = await triage.ClassifyAsync(requestId, type, corrections, "staff:" + staff.Name, client, cancellationToken);
        switch (outcome.Result)
        {
            case TriageResult.Classified:
                await audit.AppendAsync(staff, StaffActions.Classify, requestId, type.ToWire(), cancellationToken);
                return Results.Ok(new StaffActionResponse(requestId, StaffActions.Classify, null));
            case TriageResult.UnknownRequest:
                return Problems.UnknownRequest();
            case TriageResult.InvalidCorrections:
                return Problems.Validation(outcome.Errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal));
            default:
                return StaffProblems.Conflict("Not awaiting triage", "Only a request in NeedsTriage can be classified.");
        }
    }
}

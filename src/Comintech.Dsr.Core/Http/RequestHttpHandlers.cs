using Comintech.Dsr.Domain;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.Evidence.Events;
using Comintech.Dsr.Fulfilment;
using Comintech.Dsr.Identity;
using Comintech.Dsr.Fulfilment.Rerun;
using Comintech.Dsr.Intake;
using Comintech.Dsr.Limits;
using Comintech.Dsr.Storage;
using Comintech.Dsr.Verification;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace Comintech.Dsr.Http;

/// <summary>
/// The public routes, host-neutral: both the Functions app and the local engine bind their routes to these.
/// None of the answers holds personal data.
/// </summary>
public sealed class RequestHttpHandlers(
    SubmissionGate gate,
    AddressLimits limits,
    CodeAttempts attempts,
    VerificationService verification,
    EvidenceLedger evidence,
    ControlPanelLinks controlPanel)
{
    /// <summary>POST /api/requests (JSON or the website form).</summary>
    public async Task<IResult> SubmitAsync(HttpRequest http, DurableTaskClient client)
    {
        var (body, failure) = await BoundedBody.ReadKnownAsync(http);
        if (failure is not null)
        {
            return failure;
        }

        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var (fields, corrections) = body!.Value.Kind == BodyKind.Json
            ? SubmissionReader.FromJson(body.Value.Text, errors)
            : SubmissionReader.FromForm(body.Value.Text, errors);
        var gpc = GlobalPrivacyControl.Apply(http, fields);
        var submission = errors.Count == 0 ? RequestSubmissionValidator.Validate(fields, corrections, errors) : null;
        var (proven, withAccount) = submission is null ? (null, null) : ProvenIdentity(submission, fields.GetValueOrDefault(IdentityHttpHandlers.TokenField), errors);
        submission = errors.Count == 0 ? withAccount : null;
        var wantsHtml = body.Value.Kind == BodyKind.Form && AcceptsHtml(http);
        if (submission is null)
        {
            return wantsHtml ? RequestFormPage.Invalid(http, errors) : Problems.Validation(errors);
        }

        var channel = body.Value.Kind == BodyKind.Form ? IntakeChannel.Web : IntakeChannel.Api;
        // A repeat of an open request gets an alias of it, answered exactly as a new request is.
        var id = await gate.SubmitAsync(submission, channel, client, http.HttpContext.RequestAborted, proven, gpc && submission.Type == RequestType.SaleSharingOptOut);
        var statusUrl = $"{http.Scheme}://{http.Host}{PublicLinks.StatusApiPath(id)}";
        if (wantsHtml)
        {
            return RequestFormPage.Accepted(http, id);
        }

        return Results.Accepted(statusUrl, new SubmitResponse(id, nameof(RequestStatus.Received), statusUrl));
    }

    /// <summary>
    /// A control-panel link given with the submission proves the account at tier 2; it must be genuine, current and for
    /// the submitted address (and account id, when one is given). Without a link the submission is unchanged.
    /// </summary>
    private (IdentityState? Proven, RequestSubmission? Submission) ProvenIdentity(
        RequestSubmission submission, string? token, Dictionary<string, List<string>> errors)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return (null, submission);
        }

        var claims = controlPanel.Verify(token);
        var subject = submission.Subject;
        if (claims is null || !EmailAddresses.SameMailbox(claims.Email, subject.Email) || (subject.AccountId is { } named && named != claims.AccountId))
        {
            errors[IdentityHttpHandlers.TokenField] = [IdentityHttpHandlers.RefusedToken];
            return (null, null);
        }

        return (IdentityState.ProvenBy(BindingSource.ControlPanel, claims.AccountId),
            submission with { Subject = new DataSubject(subject.Email, subject.FullName, claims.AccountId) });
    }

    /// <summary>GET /api/requests/{id}.</summary>
    public async Task<IResult> StatusAsync(string requestId, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var request = await gate.FindAsync(requestId, cancellationToken);
        if (request is null)
        {
            return Problems.UnknownRequest();
        }

        var instance = await client.GetInstanceAsync(request.Id, getInputsAndOutputs: true, cancellationToken);
        var progress = instance?.SerializedCustomStatus is null ? null : instance.ReadCustomStatusAs<DsrProgress>();
        var stage = request.Status.IsFinal() ? RequestStage.Done : progress?.Stage ?? RequestStage.Received;
        // An alias is answered under its own id: a repeated submission learns nothing of the request it stands for.
        return Results.Ok(new StatusResponse(
            requestId,
            request.Status == RequestStatus.NeedsTriage ? "unclassified" : request.Type.ToWire(),
            request.Jurisdiction.ToString(),
            stage.ToString(),
            request.Status.ToString(),
            request.ReceivedAt,
            request.DueAt,
            progress?.Stores ?? await StoresFromEvidenceAsync(request, cancellationToken),
            StatusIdentity.From(request)));
    }

    /// <summary>A finished request whose workflow history was purged: its stores as the evidence records them.</summary>
    private async Task<IReadOnlyList<StoreProgress>> StoresFromEvidenceAsync(DsrRequest request, CancellationToken cancellationToken) =>
        request.Status.IsFinal()
            ? [.. StoreOutcomes.Latest(await evidence.ReadAsync(request.Id, cancellationToken)).Values.Select(StoreProgress.From)]
            : [];

    /// <summary>POST /api/requests/{id}/verify with { "code": "NNNNNN" }.</summary>
    public async Task<IResult> VerifyAsync(HttpRequest http, string requestId, DurableTaskClient client)
    {
        var cancellationToken = http.HttpContext.RequestAborted;
        var request = await gate.FindAsync(requestId, cancellationToken);
        if (request is null)
        {
            return Problems.UnknownRequest();
        }

        var givenId = requestId;
        requestId = request.Id;
        var (body, failure) = await BoundedBody.ReadKnownAsync(http);
        if (failure is not null)
        {
            return failure;
        }

        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var fields = body!.Value.Kind == BodyKind.Json ? SubmissionReader.FromJson(body.Value.Text, errors).Fields : SubmissionReader.FromForm(body.Value.Text, errors).Fields;
        var code = fields.GetValueOrDefault("code")?.Trim();
        if (errors.Count == 0 && !VerificationCodes.IsWellFormed(code))
        {
            errors["code"] = ["Required: the 6-digit code from the e-mail."];
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        if (request.Status.IsFinal())
        {
            return Problems.Status(StatusCodes.Status409Conflict, "Request closed", $"This request is already {request.Status}.");
        }

        var (checkedCode, retryAfter) = await attempts.VerifyAsync(request, code!, cancellationToken);
        if (checkedCode is not { } outcome)
        {
            return Problems.TooMany(retryAfter, "Too many wrong codes", "Too many wrong codes were tried for this address. Try again in {seconds} seconds.");
        }

        switch (outcome.Result)
        {
            case VerifyResult.Verified or VerifyResult.AlreadyVerified:
                await evidence.AppendAsync(requestId, VerificationSucceeded.Key, VerificationSucceeded.ByCode, cancellationToken: cancellationToken);
                await client.RaiseEventAsync(requestId, DsrEvents.IdentityVerified, true, cancellationToken);
                return Results.Ok(new VerifyResponse(givenId, "verified"));
            case VerifyResult.WrongCode:
                await evidence.AppendAsync(
                    requestId, VerificationFailed.Key(), new VerificationFailed(outcome.AttemptsLeft), cancellationToken: cancellationToken);
                return Problems.Status(
                    StatusCodes.Status400BadRequest,
                    "Wrong code",
                    outcome.AttemptsLeft > 0
                        ? $"That code is not right. Attempts left: {outcome.AttemptsLeft}."
                        : "That code is not right, and it is now locked. Ask for a new code.",
                    new Dictionary<string, object?> { ["attemptsLeft"] = outcome.AttemptsLeft });
            case VerifyResult.Expired:
                await evidence.AppendAsync(requestId, VerificationExpired.Key(), new VerificationExpired(), cancellationToken: cancellationToken);
                return Problems.Status(StatusCodes.Status410Gone, "Code expired", "This code has expired. Ask for a new one.");
            case VerifyResult.Locked:
                await evidence.AppendAsync(requestId, VerificationLocked.Key(), new VerificationLocked(), cancellationToken: cancellationToken);
                return Locked();
            default:
                return Problems.Status(StatusCodes.Status409Conflict, "No code yet", "No code has been sent for this request yet. Try again in a minute.");
        }
    }

    /// <summary>POST /api/requests/{id}/resend: a new code, at most once per interval and a few times in all.</summary>
    public async Task<IResult> ResendAsync(string requestId, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var request = await gate.FindAsync(requestId, cancellationToken);
        if (request is null)
        {
            return Problems.UnknownRequest();
        }

        if (request.Status.IsFinal())
        {
            return Problems.Status(StatusCodes.Status409Conflict, "Request closed", $"This request is already {request.Status}.");
        }

        var givenId = requestId;
        requestId = request.Id;
        var check = await verification.CheckResendAsync(requestId, cancellationToken);
        var mailWait = check.Decision == ResendDecision.Allowed ? await limits.CodeMailRetryAfterAsync(request.Subject.Email, cancellationToken) : TimeSpan.Zero;
        if (mailWait > TimeSpan.Zero)
        {
            return Problems.TooMany(mailWait, "Code limit reached", "No more codes can be sent to this address for now. Try again in {seconds} seconds.");
        }

        switch (check.Decision)
        {
            case ResendDecision.Allowed:
                await client.RaiseEventAsync(requestId, DsrEvents.ResendCodeRequested, check.NextIssue, cancellationToken);
                return Results.Accepted(value: new VerifyResponse(givenId, "code-requested"));
            case ResendDecision.TooSoon:
                return Problems.TooMany(check.RetryAfter, "Too soon", "Wait {seconds} seconds before asking for another code.");
            case ResendDecision.LimitReached:
                return Problems.Status(StatusCodes.Status429TooManyRequests, "Code limit reached", "No more codes can be sent for this request.");
            default:
                return Problems.Status(StatusCodes.Status409Conflict, "Already verified", "This request is already verified.");
        }
    }

    private static IResult Locked() => Problems.Status(
        StatusCodes.Status423Locked, "Too many wrong codes", "This code is locked after too many wrong tries. Ask for a new code.");

    private static bool AcceptsHtml(HttpRequest http) =>
        http.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
}

public sealed record SubmitResponse(string RequestId, string Status, string StatusUrl);

public sealed record VerifyResponse(string RequestId, string Status);

public sealed record StatusResponse(
    string RequestId,
    string Type,
    string Jurisdiction,
    string Stage,
    string Status,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DueAt,
    IReadOnlyList<StoreProgress> Stores,
    StatusIdentity? Identity = null);

/// <summary>
/// How far the person's identity was established, without any identifier: the tier reached and which kinds of
/// identifier given were not used. The same answer whether a named account does not exist or is someone else's.
/// </summary>
public sealed record StatusIdentity(int Tier, IReadOnlyList<string> UnboundIdentifiers)
{
    /// <summary>Shown once the code is verified: before that no tier is reached.</summary>
    public static StatusIdentity? From(DsrRequest request) =>
        request.Identity is not { } identity || request.Status is RequestStatus.Received or RequestStatus.AwaitingVerification or RequestStatus.NeedsTriage
            ? null
            : new((int)identity.Tier, identity.Unbound is null ? [] : ["accountId"]);
}

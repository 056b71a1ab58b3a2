namespace Comintech.Dsr.Intake;

/// <summary>
/// The public routes, host-neutral: both the Functions app and the local engine bind their routes to these.
/// None of the answers holds personal data.
/// </summary>
public sealed class RequestHttpHandlers(
    SubmissionGate gate,
    SubmitRequest submit,
    VerifyCode verify,
    ResendCode resend,
    EvidenceLedger evidence)
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
        var given = SubmissionBody.Read(BodyFields.Parse(body!.Value.Kind, body.Value.Text, errors), errors);
        var gpc = given is not null && GlobalPrivacyControl.Apply(http, given.Fields);
        var submission = errors.Count == 0 ? given?.Validate(errors) : null;
        var wantsHtml = body.Value.Kind == BodyKind.Form && AcceptsHtml(http);
        var channel = body.Value.Kind == BodyKind.Form ? IntakeChannel.Web : IntakeChannel.Api;
        var result = submission is null
            ? UseCaseFailure.Invalid(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal))
            : await submit.SubmitAsync(
                submission, given!.Fields.GetValueOrDefault(BindAccount.TokenField), channel, gpc && submission.Type == RequestType.SaleSharingOptOut,
                client, http.HttpContext.RequestAborted);
        if (wantsHtml)
        {
            return result.Failure is { Errors: { } invalid }
                ? RequestFormPage.Invalid(http, invalid.ToDictionary(e => e.Key, e => e.Value.ToList(), StringComparer.Ordinal))
                : result.ToHttp(id => RequestFormPage.Accepted(http, id));
        }

        return result.ToHttp(id =>
        {
            var statusUrl = $"{http.Scheme}://{http.Host}{PublicLinks.StatusApiPath(id)}";
            return Results.Accepted(statusUrl, new SubmitResponse(id, nameof(RequestStatus.Received), statusUrl));
        });
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
        var (request, body, failure) = await gate.FindWithBodyAsync<CodeBody>(http, requestId);
        return failure
            ?? (await verify.VerifyAsync(request!, body!.Code, client, http.HttpContext.RequestAborted))
                .ToHttp(_ => Results.Ok(new VerifyResponse(requestId, "verified")));
    }

    /// <summary>POST /api/requests/{id}/resend: a new code, at most once per interval and a few times in all.</summary>
    public async Task<IResult> ResendAsync(string requestId, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var request = await gate.FindAsync(requestId, cancellationToken);
        return request is null
            ? Problems.UnknownRequest()
            : (await resend.ResendAsync(request, client, cancellationToken)).ToHttp(_ => Results.Accepted(value: new VerifyResponse(requestId, "code-requested")));
    }

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

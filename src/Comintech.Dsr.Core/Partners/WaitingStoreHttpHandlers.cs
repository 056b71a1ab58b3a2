namespace Comintech.Dsr.Partners;

/// <summary>
/// Confirmations of store parts that wait on someone: partners (authenticated by their HMAC signature) and staff
/// marking a manual step done (a staff route: staff credentials required, each use in the audit log).
/// </summary>
public sealed class WaitingStoreHttpHandlers(
    IOptions<DataMapOptions> dataMap, RequestStore requests, IConfiguration configuration, StaffAuthenticator authenticator,
    WaitingPartConfirmations confirmations, MarkManualStepDone manualSteps, SignedMessageReplays replays, TimeProvider clock)
{
    /// <summary>POST /api/partners/{partnerId}/confirmations, signed: see <see cref="PartnerConfirmationBody"/>.</summary>
    public async Task<IResult> PartnerConfirmationAsync(HttpRequest http, string partnerId, DurableTaskClient client)
    {
        var store = dataMap.Value.Stores.FirstOrDefault(s =>
            s.Kind.Equals(PartnerWebhookConnector.KindName, StringComparison.OrdinalIgnoreCase) && s.Setting("PartnerId") == partnerId);
        var secret = store is null ? null : PartnerWebhookConnector.SecretFor(store, configuration);
        var (body, failure) = await ReadSignedAsync<PartnerConfirmationBody>(http, partnerId, secret, "partner");
        if (failure is not null)
        {
            return failure;
        }

        var result = await confirmations.ConfirmAsync(
            body!.RequestId, store!.Id, body.Action, body.Confirmation.By("partner:" + partnerId), null, null, client, http.HttpContext.RequestAborted, body.Records);
        return Answer(body.RequestId, store.Id, result == ConfirmResult.NothingWaiting ? MarkManualStepDone.NothingWaiting() : result);
    }

    /// <summary>POST /api/staff/requests/{id}/stores/{storeId}/done: see <see cref="ManualStepBody"/>.</summary>
    public async Task<IResult> ManualStepDoneAsync(HttpRequest http, string requestId, string storeId, DurableTaskClient client)
    {
        var access = await authenticator.AuthenticateForRequestAsync(requests, http, requestId);
        if (access.Denied)
        {
            return access.Failure;
        }

        var (body, failure) = await RequestBodies.ReadAsync<ManualStepBody>(http);
        return failure ?? Answer(
            requestId, storeId, await manualSteps.MarkDoneAsync(access.Request, storeId, body!, access.Staff, client, http.HttpContext.RequestAborted));
    }

    private static IResult Answer(string requestId, string storeId, UseCaseResult<ConfirmResult> result) =>
        result.ToHttp(confirmed => confirmed == ConfirmResult.Confirmed
            ? Results.Accepted(value: new ConfirmationResponse(requestId, storeId, "confirmed"))
            : Results.Ok(new ConfirmationResponse(requestId, storeId, "already-confirmed")));

    /// <summary>
    /// A signed JSON post from a partner or a Client, as its typed body, or the answer to give instead (401 bad
    /// signature, stale timestamp or unknown signer; 409 replayed; 400 or 415 body).
    /// </summary>
    /// <param name="signer">The replay ledger's partition for this signer.</param>
    internal async Task<(T? Body, IResult? Failure)> ReadSignedAsync<T>(HttpRequest http, string signer, string? secret, string signerKind)
        where T : class, IRequestBody<T>
    {
        var cancellationToken = http.HttpContext.RequestAborted;
        var text = BoundedBody.KindOf(http) == BodyKind.Json ? await BoundedBody.ReadAsync(http, cancellationToken) : null;
        var signature = http.Headers[PartnerSignature.SignatureHeader].ToString();
        if (text is null || secret is null || !PartnerSignature.IsValid(secret, http.Headers[PartnerSignature.TimestampHeader], signature, text, clock.GetUtcNow()))
        {
            return (null, Problems.Status(
                StatusCodes.Status401Unauthorized, "Bad signature", $"The request is not signed with this {signerKind}'s key, or its timestamp is stale."));
        }

        if (!await replays.FirstSightingAsync(signer, signature, cancellationToken))
        {
            return (null, Problems.Status(StatusCodes.Status409Conflict, "Replayed", "This signed message was received before."));
        }

        return await RequestBodies.ReadAsync<T>(http, alreadyRead: text);
    }
}

public sealed record ConfirmationResponse(string RequestId, string StoreId, string Status);

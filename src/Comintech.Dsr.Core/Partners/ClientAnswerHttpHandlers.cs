namespace Comintech.Dsr.Partners;

/// <summary>
/// Clients' answers to forwarded requests: signed like partner confirmations (<c>POST /api/clients/{clientId}/answers</c>)
/// or through the signed link mailed to them (GET shows a form, POST of the form answers). Each first answer is recorded
/// with an evidence link; staff read every Client's answer at <c>GET /api/staff/requests/{id}/clients</c>.
/// </summary>
public sealed class ClientAnswerHttpHandlers(
    IOptions<DataMapOptions> dataMap, HostedClients directory, ClientForwarder forwarder, ClientForwards forwards, EvidenceLedger evidence,
    WaitingStoreHttpHandlers partners, StaffAuthenticator authenticator, RequestStore requests, TimeProvider clock)
{
    /// <summary>POST /api/clients/{clientId}/answers, signed: <c>{requestId, outcome, recordsAffected}</c>.</summary>
    public async Task<IResult> AnswerAsync(HttpRequest http, string clientId)
    {
        var cancellationToken = http.HttpContext.RequestAborted;
        var (body, failure) = await partners.ReadSignedAsync<SignedAnswerBody>(http, "client-" + clientId, await SecretAsync(clientId, cancellationToken), "Client");
        if (failure is not null)
        {
            return failure;
        }

        var (requestId, answer) = (body!.RequestId, body.Confirmation.By("client:" + clientId));
        return await RecordAsync(requestId, clientId, answer, cancellationToken) switch
        {
            true => Results.Accepted(value: new ClientAnswerResponse(requestId, clientId, "recorded")),
            false => Results.Ok(new ClientAnswerResponse(requestId, clientId, "already-recorded")),
            null => NothingForwarded(),
        };
    }

    /// <summary>GET /api/clients/{clientId}/answers/link?requestId=…&amp;action=…&amp;expires=…&amp;signature=… (changes nothing).</summary>
    public async Task<IResult> FormAsync(HttpRequest http, string clientId)
    {
        var link = await VerifyAsync(http, clientId);
        return link is null ? Refused() : PartnerLinkHttpHandlers.LinkForm(link.Value.RequestId, link.Value.Action, client: true);
    }

    /// <summary>POST of the form above (application/x-www-form-urlencoded).</summary>
    public async Task<IResult> FormAnswerAsync(HttpRequest http, string clientId)
    {
        var link = await VerifyAsync(http, clientId);
        if (link is null)
        {
            return Refused();
        }

        var (answer, failure) = await PartnerLinkHttpHandlers.ReadFormAsync(http, "client:" + clientId);
        if (failure is not null)
        {
            return failure;
        }

        var requestId = link.Value.RequestId;
        return await RecordAsync(requestId, clientId, answer!, http.HttpContext.RequestAborted) is null
            ? NothingForwarded()
            : PartnerLinkHttpHandlers.Thanks($"Your answer to request {requestId} is recorded.");
    }

    /// <summary>GET /api/staff/requests/{id}/clients: each Client the request was forwarded to, and its answer.</summary>
    public async Task<IResult> ListAsync(HttpRequest http, string requestId)
    {
        var access = await authenticator.AuthenticateForRequestAsync(requests, http, requestId);
        return access.Denied ? access.Failure : Results.Ok(await forwards.ListAsync(requestId, http.HttpContext.RequestAborted));
    }

    /// <returns>True when recorded, false when an answer was recorded before, null when nothing was forwarded to this Client.</returns>
    private async Task<bool?> RecordAsync(string requestId, string clientId, Fulfilment.StoreConfirmation answer, CancellationToken cancellationToken)
    {
        var forward = (await forwards.ListAsync(requestId, cancellationToken)).FirstOrDefault(f => f.ClientId == clientId);
        if (forward is null)
        {
            return null;
        }

        if (!await forwards.AnsweredAsync(forward, answer.Kind, answer.RecordsAffected, cancellationToken))
        {
            return false;
        }

        await evidence.AppendAsync(
            requestId,
            ClientAnswered.Key(forward.StoreId, clientId),
            new ClientAnswered(forward.StoreId, clientId, answer.Kind, answer.RecordsAffected),
            answer.ConfirmedBy,
            cancellationToken);
        return true;
    }

    private async Task<string?> SecretAsync(string clientId, CancellationToken cancellationToken)
    {
        foreach (var store in dataMap.Value.Stores.Where(s => s.Kind.Equals(ProcessorRoutingConnector.KindName, StringComparison.OrdinalIgnoreCase)))
        {
            if (await directory.GetAsync(store, clientId, cancellationToken) is { } client)
            {
                return forwarder.SecretFor(client);
            }
        }

        return null;
    }

    private async Task<(string RequestId, string Action)?> VerifyAsync(HttpRequest http, string clientId)
    {
        var query = http.Query;
        var requestId = query["requestId"].ToString();
        var action = query["action"].ToString();
        if (!RequestId.IsWellFormed(requestId) || action is not ("access" or "rectify" or "erase")
            || !long.TryParse(query["expires"], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return null;
        }

        var secret = await SecretAsync(clientId, http.HttpContext.RequestAborted);
        return secret is not null && PartnerSignature.IsValidLink(secret, clientId, requestId, action, expires, query["signature"], clock.GetUtcNow())
            ? (requestId, action)
            : null;
    }

    private static IResult Refused() =>
        Problems.Status(StatusCodes.Status401Unauthorized, "Link not valid", "This answer link is not valid or has expired. Reply to our e-mail instead.");

    private static IResult NothingForwarded() =>
        Problems.Status(StatusCodes.Status404NotFound, "Nothing forwarded", "No request with this id was forwarded to you.");
}

public sealed record ClientAnswerResponse(string RequestId, string ClientId, string Status);

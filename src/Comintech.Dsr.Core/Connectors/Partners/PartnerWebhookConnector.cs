namespace Comintech.Dsr.Connectors.Partners;

/// <summary>
/// A third-party site, reseller or agent that holds the person's data under Comintech's instructions. The request is
/// POSTed, signed, to the partner's endpoint; the partner confirms at <c>POST /api/partners/{partnerId}/confirmations</c>
/// under the same signing; the workflow waits (with reminders, then escalation to staff).
/// </summary>
/// <remarks>
/// Settings: <c>PartnerId</c> (required; the id in the confirmation route); <c>Endpoint</c> (the partner's URL);
/// <c>SecretName</c> (required: the configuration key holding the shared signing secret). A partner without an API
/// has <c>Email</c> instead of <c>Endpoint</c>: it gets the request by e-mail with a signed confirmation link.
/// </remarks>
public sealed class PartnerWebhookConnector(
    IHttpClientFactory http, IConfiguration configuration, WaitingStoreTable waiting, PublicLinks links, PartnerMail mail, TimeProvider clock)
    : IDataStoreConnector, IWaitingConnector
{
    public const string KindName = "PartnerWebhook";

    public string Kind => KindName;

    public Task<ConnectorOutcome> ExportAsync(ConnectorRequest request, CancellationToken cancellationToken) => SendAsync(request, 0, cancellationToken);

    public Task<ConnectorOutcome> RectifyAsync(ConnectorRequest request, CancellationToken cancellationToken) => SendAsync(request, 0, cancellationToken);

    public Task<ConnectorOutcome> EraseAsync(ConnectorRequest request, CancellationToken cancellationToken) => SendAsync(request, 0, cancellationToken);

    /// <summary>An opt-out of sale/sharing: the partner is told to stop selling or sharing the person's data and confirms.</summary>
    public bool StopsSaleOrSharing => true;

    public Task<ConnectorOutcome> SuppressAsync(ConnectorRequest request, CancellationToken cancellationToken) => SendAsync(request, 0, cancellationToken);

    /// <summary>A reminder is the same request again (same idempotency key) marked with its reminder number.</summary>
    public Task RemindAsync(ConnectorRequest request, int reminder, CancellationToken cancellationToken) => SendAsync(request, reminder, cancellationToken);

    public IEnumerable<string> ValidateSettings(DataStoreDefinition store)
    {
        if (store.Setting("PartnerId") is not { } id || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            yield return "Settings:PartnerId is required: letters, digits and '-' (the id in the confirmation route).";
        }

        var hasEndpoint = Uri.TryCreate(store.Setting("Endpoint"), UriKind.Absolute, out var endpoint) && endpoint.Scheme is "https" or "http";
        var hasEmail = System.Net.Mail.MailAddress.TryCreate(store.Setting("Email"), out _);
        if (hasEndpoint == hasEmail)
        {
            yield return "Settings: give either Endpoint (the partner's absolute https URL) or Email (for partners without an API), not both.";
        }

        if (store.Setting("SecretName") is null)
        {
            yield return "Settings:SecretName is required (the configuration key holding the shared signing secret).";
        }
    }

    /// <summary>The signing secret a partner's store names, or null when the partner or its secret is unknown.</summary>
    public static string? SecretFor(DataStoreDefinition store, IConfiguration configuration) =>
        store.Setting("SecretName") is { } name && configuration[name] is { Length: >= 16 } secret ? secret : null;

    private async Task<ConnectorOutcome> SendAsync(ConnectorRequest request, int reminder, CancellationToken cancellationToken)
    {
        var store = request.Store;
        var partnerId = store.Setting("PartnerId") ?? throw new ConnectorException($"Store '{store.Id}' has no PartnerId setting.");
        var secret = SecretFor(store, configuration) ?? throw new ConnectorException($"Store '{store.Id}': its SecretName names no secret of 16+ characters.");
        await waiting.OpenAsync(request, "partner:" + partnerId, cancellationToken);
        if (store.Setting("Email") is { } email)
        {
            await mail.SendAsync(request, partnerId, email, secret, reminder, cancellationToken);
            return request.Outcome(OutcomeKind.Waiting, 0, 0, $"Mailed to partner '{partnerId}'; waiting for its confirmation.", null, clock.GetUtcNow());
        }

        var body = JsonSerializer.Serialize(new
        {
            requestId = request.RequestId,
            partnerId,
            action = request.Action.ToString().ToLowerInvariant(),
            reminder,
            subject = new { email = request.Subject.Email, fullName = request.Subject.FullName, accountId = request.Subject.AccountId },
            corrections = request.Action == ConnectorAction.Rectify ? request.Corrections : null,
            confirmUrl = links.PartnerConfirmations(partnerId),
        });
        using var message = PartnerSignature.SignedPost(store.Setting("Endpoint"), body, secret, clock.GetUtcNow(), request.IdempotencyKey);
        using var response = await http.CreateClient(KindName).SendAsync(message, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new ConnectorException($"Partner '{partnerId}' answered HTTP {(int)response.StatusCode}.");
        }

        return request.Outcome(OutcomeKind.Waiting, 0, 0, $"Sent to partner '{partnerId}'; waiting for its confirmation.", null, clock.GetUtcNow());
    }
}

namespace Comintech.Dsr.Connectors.ProcessorRouting;

/// <summary>
/// Sends a request to a Client's privacy contact through the partner channel: a signed POST to its <c>Endpoint</c>, or
/// an e-mail with a signed answer link (valid 30 days). Keyed per request, store, Client and reminder number.
/// </summary>
public sealed class ClientForwarder(IHttpClientFactory http, IConfiguration configuration, INotifier notifier, PublicLinks links, TimeProvider clock)
{
    public const string Basis = "GDPR Art. 28(3)(e)";

    /// <summary>The Client's signing secret (16+ characters), or null when its <c>SecretName</c> names none.</summary>
    public string? SecretFor(HostedClient client) =>
        client.SecretName is { } name && configuration[name] is { Length: >= 16 } secret ? secret : null;

    public static string ActionName(ConnectorAction action) => action == ConnectorAction.Export ? "access" : action.ToString().ToLowerInvariant();

    public async Task SendAsync(ConnectorRequest request, HostedClient client, IReadOnlyList<string> found, int reminder, CancellationToken cancellationToken)
    {
        var secret = SecretFor(client) ?? throw new ConnectorException($"Client '{client.ClientId}': its SecretName names no secret of 16+ characters.");
        var action = ActionName(request.Action);
        if (client.Endpoint is null)
        {
            await MailAsync(request, client, found, secret, action, reminder, cancellationToken);
            return;
        }

        var body = JsonSerializer.Serialize(new
        {
            requestId = request.RequestId,
            clientId = client.ClientId,
            role = "controller",
            basis = Basis,
            action,
            reminder,
            subject = new { email = request.Subject.Email, fullName = request.Subject.FullName },
            found,
            corrections = request.Action == ConnectorAction.Rectify ? request.Corrections : null,
            answerUrl = links.ClientAnswers(client.ClientId),
        });
        await PostAsync(client, secret, $"{request.IdempotencyKey}.client-{client.ClientId}", body, cancellationToken);
    }

    /// <summary>
    /// Reminder <paramref name="reminder"/> of a forwarded request: the request id and the answer link only, never the
    /// person's data (the Client has it from the first message, and a closed deletion no longer keeps it).
    /// </summary>
    public async Task RemindAsync(string requestId, string storeId, HostedClient client, ConnectorAction action, int reminder, CancellationToken cancellationToken)
    {
        var secret = SecretFor(client) ?? throw new ConnectorException($"Client '{client.ClientId}': its SecretName names no secret of 16+ characters.");
        var name = ActionName(action);
        if (client.Endpoint is null)
        {
            var expires = (clock.GetUtcNow() + PartnerMail.LinkLifetime).ToUnixTimeSeconds();
            var link = links.ClientAnswerPage(client.ClientId, requestId, name, expires, PartnerSignature.SignLink(secret, client.ClientId, requestId, name, expires));
            await notifier.SendAsync(
                new OutgoingEmail($"{requestId}.{storeId}.client-{client.ClientId}-{reminder}", client.Email!, client.Name,
                    $"Reminder {reminder}: data subject request {requestId} forwarded to you as the controller",
                    $"Reminder {reminder}. We forwarded data subject request {requestId} ({name}) to you as the controller ({Basis}) and have no answer yet.\n"
                    + $"Please tell us what you did here (the link is valid until {DateTimeOffset.FromUnixTimeSeconds(expires):yyyy-MM-dd}):\n{link}\n"),
                cancellationToken);
            return;
        }

        await PostAsync(client, secret, $"{requestId}.{storeId}.{action.ToString().ToLowerInvariant()}.client-{client.ClientId}", JsonSerializer.Serialize(new
        {
            requestId, clientId = client.ClientId, role = "controller", basis = Basis, action = name, reminder, answerUrl = links.ClientAnswers(client.ClientId),
        }), cancellationToken);
    }

    private async Task PostAsync(HostedClient client, string secret, string idempotencyKey, string body, CancellationToken cancellationToken)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var message = new HttpRequestMessage(HttpMethod.Post, client.Endpoint) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        message.Headers.Add(PartnerSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        message.Headers.Add(PartnerSignature.SignatureHeader, PartnerSignature.Sign(secret, timestamp, body));
        message.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await http.CreateClient(PartnerWebhookConnector.KindName).SendAsync(message, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new ConnectorException($"Client '{client.ClientId}' answered HTTP {(int)response.StatusCode}.");
        }
    }

    private Task MailAsync(
        ConnectorRequest request, HostedClient client, IReadOnlyList<string> found, string secret, string action, int reminder, CancellationToken cancellationToken)
    {
        var expires = (clock.GetUtcNow() + PartnerMail.LinkLifetime).ToUnixTimeSeconds();
        var link = links.ClientAnswerPage(client.ClientId, request.RequestId, action, expires, PartnerSignature.SignLink(secret, client.ClientId, request.RequestId, action, expires));
        var corrections = request.Action == ConnectorAction.Rectify && request.Corrections.Count > 0
            ? "\nCorrections asked for:\n" + string.Join('\n', request.Corrections.Select(c => $"  {c.Key}: {c.Value}")) + "\n"
            : "";
        var body = $"""
            {(reminder > 0 ? $"Reminder {reminder}. " : "")}Comintech hosts data for {client.Name} as its processor. A person whose data is in
            what we host for you has asked us for {action} of their personal data. You are the controller of that data:
            under our agreement ({Basis}) we pass the request to you and change nothing on our own.

              Name:    {request.Subject.FullName}
              E-mail:  {request.Subject.Email}
              Found:   {string.Join("; ", found)}
            {corrections}
            Please deal with the request and tell us what you did here (the link is valid until {DateTimeOffset.FromUnixTimeSeconds(expires):yyyy-MM-dd}):
            {link}

            Request reference: {request.RequestId}
            """;
        return notifier.SendAsync(
            new OutgoingEmail($"{request.RequestId}.{request.Store.Id}.client-{client.ClientId}-{reminder}", client.Email!, client.Name,
                $"Data subject request {request.RequestId}: forwarded to you as the controller", body),
            cancellationToken);
    }
}

namespace Comintech.Dsr.Recipients;

/// <summary>
/// Tells the recipients of the stores an erasure or rectification changed (GDPR Art. 19): a signed webhook or an e-mail
/// where the data map gives one, else a staff task; recipients that receive data only on legal demand are not told
/// and the evidence says so. Nothing waits for an answer, and a recipient that cannot be reached becomes a staff task,
/// so the request is never held open. Every message is keyed per request and recipient, so a re-run repeats nothing.
/// </summary>
public sealed partial class RecipientNotifier(
    IHttpClientFactory http, IConfiguration configuration, INotifier notifier, StaffNotifier staff, EvidenceLedger evidence, PublicLinks links,
    TimeProvider clock, ILogger<RecipientNotifier> logger)
{
    public const string HttpClientName = "Recipients";

    /// <summary>How many recipients were told (webhook, e-mail or staff task).</summary>
    public async Task<int> NotifyAsync(DsrRequest request, IReadOnlyList<ConnectorOutcome> outcomes, DataMapOptions dataMap, CancellationToken cancellationToken)
    {
        if (request.Type is not (RequestType.Deletion or RequestType.Correction))
        {
            return 0;
        }

        var changed = outcomes.Where(o => o.Kind == OutcomeKind.Done && o.Action is ConnectorAction.Erase or ConnectorAction.Rectify).Select(o => o.StoreId).ToList();
        var told = 0;
        foreach (var recipient in RecipientDefinition.Of(dataMap, changed))
        {
            var stores = changed.Where(id => RecipientDefinition.Of(dataMap, [id]).Any(r => r.Id == recipient.Id)).ToList();
            var notice = recipient.Notify == RecipientChannel.LegalDemandOnly
                ? new RecipientNotice(recipient.Id, recipient.Name, "none", stores, "Receives data only on a legal demand; not notified.")
                : await TellAsync(request, recipient, stores, cancellationToken);
            await evidence.AppendAsync(request.Id, RecipientEvidence.Key(recipient.Id), RecipientEvidence.For(notice), cancellationToken: cancellationToken);
            told += notice.Channel == "none" ? 0 : 1;
        }

        return told;
    }

    private async Task<RecipientNotice> TellAsync(DsrRequest request, RecipientDefinition recipient, IReadOnlyList<string> stores, CancellationToken cancellationToken)
    {
        var action = request.Type == RequestType.Deletion ? "erase" : "rectify";
        string? fallback = null;
        try
        {
            switch (recipient.Notify)
            {
                case RecipientChannel.Webhook:
                    await PostAsync(request, recipient, action, cancellationToken);
                    return new RecipientNotice(recipient.Id, recipient.Name, "webhook", stores);
                case RecipientChannel.Email:
                    await notifier.SendAsync(Mail(request, recipient, action), cancellationToken);
                    return new RecipientNotice(recipient.Id, recipient.Name, "email", stores);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or ConnectorException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            fallback = $"The {recipient.Notify} channel failed ({ex.GetType().Name}); a staff task was opened instead.";
            LogFallback(logger, request.Id, recipient.Id, ex.GetType().Name);
        }

        await staff.SendAsync(
            $"{request.Id}.recipient-task-{recipient.Id}",
            $"Request {request.Id}: tell recipient '{recipient.Name}' of the {action}",
            $"Request {request.Id} ({request.Type.ToWire()}, {request.Jurisdiction}) changed data in: {string.Join(", ", stores)}.\n"
            + $"Tell '{recipient.Name}' of the {action} (GDPR Art. 19); the person's details are in the staff console: {links.StaffConsole()}\n"
            + (fallback is null ? "" : fallback + "\n"),
            cancellationToken);
        return new RecipientNotice(recipient.Id, recipient.Name, "staff-task", stores, fallback);
    }

    private async Task PostAsync(DsrRequest request, RecipientDefinition recipient, string action, CancellationToken cancellationToken)
    {
        var secret = recipient.SecretName is { } name && configuration[name] is { Length: >= 16 } value
            ? value : throw new ConnectorException($"Recipient '{recipient.Id}': its SecretName names no secret of 16+ characters.");
        var subject = request.BoundSubject;
        var body = JsonSerializer.Serialize(new
        {
            requestId = request.Id,
            recipientId = recipient.Id,
            action,
            basis = "GDPR Art. 19",
            subject = new { email = subject.Email, fullName = subject.FullName, accountId = subject.AccountId },
            corrections = request.Type == RequestType.Correction ? request.Corrections : null,
        });
        using var message = PartnerSignature.SignedPost(recipient.Endpoint, body, secret, clock.GetUtcNow(), $"{request.Id}.recipient.{recipient.Id}");
        using var response = await http.CreateClient(HttpClientName).SendAsync(message, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new ConnectorException($"Recipient '{recipient.Id}' answered HTTP {(int)response.StatusCode}.");
        }
    }

    private static OutgoingEmail Mail(DsrRequest request, RecipientDefinition recipient, string action)
    {
        var subject = request.BoundSubject;
        var corrections = request.Type == RequestType.Correction
            ? "\nCorrections:\n" + string.Join('\n', request.Corrections.Select(c => $"  {c.Key}: {c.Value}")) + "\n"
            : "";
        var body = $"""
            Under GDPR Art. 19 we tell you that, at this person's request, we had to {action} the personal data we disclosed to you:

              Name:       {subject.FullName}
              E-mail:     {subject.Email}
              Account id: {subject.AccountId ?? "-"}
            {corrections}
            Please {action} it in your records too where the law requires. No answer is needed.

            Request reference: {request.Id}
            """;
        return new OutgoingEmail($"{request.Id}.recipient-{recipient.Id}", recipient.Email!, recipient.Name, $"Data subject request {request.Id}: {action} (Art. 19 notice)", body);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId}: recipient {RecipientId} could not be reached ({Failure}); a staff task was opened")]
    private static partial void LogFallback(ILogger logger, string requestId, string recipientId, string failure);
}

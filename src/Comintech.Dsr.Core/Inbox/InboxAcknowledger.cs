namespace Comintech.Dsr.Inbox;

/// <summary>
/// Tells the sender of a message waiting for staff (triage) that it arrived, in their language (en, es, pt), within
/// minutes, while the legal clock runs. Only to a sender whose domain authentication aligns with the From address,
/// and at most <see cref="InboxOptions.AcknowledgementsPerAddressPerDay"/> a day per address, so a forged From cannot
/// turn the inbox into a mail cannon. Machine mail never gets here (the loop guard and the classifier stop it).
/// The per-address count lives in rows <c>(c-&lt;address hash&gt;, ack-&lt;day&gt;)</c> of the inbound index table.
/// </summary>
public sealed partial class InboxAcknowledger(
    DsrStorage storage, INotifier notifier, EvidenceLedger evidence, PublicLinks links, IOptions<InboxOptions> options, TimeProvider clock, ILogger<InboxAcknowledger> logger)
{
    private const int MaxConcurrencyRetries = 10;

    /// <returns>Why no acknowledgement went out (a stable code), or null when it was sent (now or on an earlier run).</returns>
    internal async Task<string?> AcknowledgeAsync(InboundFacts message, string requestId, CancellationToken cancellationToken)
    {
        if (!message.Authentication.AlignsWith(message.Mail.Message))
        {
            return Skipped(requestId, "sender-not-aligned");
        }

        if ((await evidence.ReadAsync(requestId, cancellationToken)).Any(r => r.Is(EvidenceEvents.InboxAcknowledged)))
        {
            return null;
        }

        if (!await TakeFromCapAsync(message.AddressHash, cancellationToken))
        {
            return Skipped(requestId, "address-cap");
        }

        var sender = message.Mail.Sender!;
        var email = InboxAcknowledgement.For(requestId, sender.Address, sender.Name ?? "", message.Classification.Language, message.Receipt.At, links.StatusPage(requestId));
        await notifier.SendAsync(email, cancellationToken);
        await evidence.AppendAsync(
            requestId, InboxAcknowledged.Key, new InboxAcknowledged(email.IdempotencyKey, message.Classification.Language), cancellationToken: cancellationToken);
        return null;
    }

    private string Skipped(string requestId, string reason)
    {
        LogSkipped(logger, requestId, reason);
        return reason;
    }

    private async Task<bool> TakeFromCapAsync(string addressHash, CancellationToken cancellationToken)
    {
        var cap = options.Value.AcknowledgementsPerAddressPerDay;
        var table = storage.InboundMessages;
        var (partition, row) = ("c-" + addressHash, "ack-" + clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        for (var attempt = 0; attempt < MaxConcurrencyRetries; attempt++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
            var count = existing.HasValue ? existing.Value!.GetInt32("Count") ?? 0 : 0;
            if (count >= cap)
            {
                return false;
            }

            var entity = new TableEntity(partition, row) { ["Count"] = count + 1 };
            try
            {
                await (existing.HasValue
                    ? table.UpdateEntityAsync(entity, existing.Value!.ETag, TableUpdateMode.Replace, cancellationToken)
                    : table.AddEntityAsync(entity, cancellationToken));
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another message from the same address counted at the same moment: read again.
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Request {RequestId}: no inbox acknowledgement ({Reason})")]
    private static partial void LogSkipped(ILogger logger, string requestId, string reason);
}

/// <summary>The acknowledgement of a message waiting for staff, in English, Spanish or Portuguese.</summary>
public static class InboxAcknowledgement
{
    public static OutgoingEmail For(string requestId, string address, string name, string language, DateTimeOffset receivedAt, string statusUrl)
    {
        var day = receivedAt.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (subject, body) = language switch
        {
            "es" => ("Hemos recibido su mensaje de privacidad",
                $"Hemos recibido su mensaje el {day}. Nuestro equipo de privacidad lo está revisando y le escribirá pronto; "
                + "el plazo legal para responder cuenta desde ese día.\n\n"
                + $"Estado: {statusUrl}\n"),
            "pt" => ("Recebemos a sua mensagem de privacidade",
                $"Recebemos a sua mensagem em {day}. A nossa equipe de privacidade está analisando e responderá em breve; "
                + "o prazo legal de resposta conta a partir dessa data.\n\n"
                + $"Situação: {statusUrl}\n"),
            _ => ("We have received your privacy message",
                $"We received your message on {day}. Our privacy team is reading it and will write to you shortly; "
                + "the legal time limit to answer runs from that day.\n\n"
                + $"Status: {statusUrl}\n"),
        };
        return new OutgoingEmail($"{requestId}.inbox-ack", address, name, subject, body);
    }
}

namespace Comintech.Dsr.Inbox;

/// <summary>One message as it reached us: its bytes (at most the size limit), when and by which path it arrived.</summary>
public sealed record InboundDelivery(ReadOnlyMemory<byte> Raw, DateTimeOffset ArrivedAt, string Path, bool OverLimit = false, SenderAuthentication? Transport = null)
{
    public const string SendGridPath = "sendgrid";
    public const string BlobPath = "blob";
}

public enum InboundOutcome
{
    Created,
    NeedsTriage,
    Linked,
    Duplicate,
    Ignored,
    Rejected,

    /// <summary>Another worker is taking the same message in right now; deliver again later.</summary>
    InProgress,
}

/// <summary>What became of a delivery. <see cref="Reason"/> is a stable code; nothing here is personal data.</summary>
public sealed record InboundResult(InboundOutcome Outcome, string? RequestId, string? Reason = null, string? Detail = null);

/// <summary>
/// The privacy inbox, whichever path a message came by: keep the raw message, refuse what cannot be read, never answer
/// loops, take each Message-ID once, join a repeat of an open request, and otherwise take the request in with the
/// clock started at receipt (as NeedsTriage for staff where <see cref="MailClassification.NeedsTriage"/> says so).
/// </summary>
public sealed partial class InboundMailService(
    InboundMessageParser parser,
    LoopGuard loopGuard,
    ReceiptClock receiptClock,
    InboundMessageIndex index,
    RawMessageArchive archive,
    IntakeService intake,
    RequestStore requests,
    EvidenceLedger evidence,
    IdentifierHasher hasher,
    InboxAcknowledger acknowledger,
    IOptions<InboxOptions> options,
    TimeProvider clock,
    ILogger<InboundMailService> logger)
{
    public async Task<InboundResult> ProcessAsync(InboundDelivery delivery, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var result = await DecideAsync(delivery, client, cancellationToken);
        LogOutcome(logger, delivery.Path, result.Outcome, result.Reason, result.RequestId);
        return result;
    }

    private async Task<InboundResult> DecideAsync(InboundDelivery delivery, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxMessageBytes;
        var raw = delivery.Raw;
        if (delivery.OverLimit || raw.Length > limit)
        {
            var kept = raw[..Math.Min(raw.Length, limit)];
            return await RejectAsync(ContentKey(kept), kept, MailRejection.TooLarge(limit), truncated: true, cancellationToken);
        }

        var parsed = parser.Parse(raw);
        if (parsed.Rejection is { } rejection)
        {
            return await RejectAsync(ContentKey(raw), raw, rejection, truncated: false, cancellationToken);
        }

        var mail = parsed.Mail!;
        var key = mail.MessageId is { } messageId ? "m-" + hasher.Hash("message-id:" + messageId) : ContentKey(raw);
        var rawBlob = await archive.StoreAsync(key, raw, null, truncated: false, cancellationToken);
        var seen = await index.FindAsync(key, cancellationToken);
        if (seen is { State: InboundState.Rejected })
        {
            return new InboundResult(InboundOutcome.Rejected, null, seen.Reason, "This message was refused when it was first delivered.");
        }

        if (seen is { State: not InboundState.Claimed })
        {
            return new InboundResult(InboundOutcome.Duplicate, seen.RequestId, seen.State.ToString().ToLowerInvariant());
        }

        if (seen is null && loopGuard.ReasonToIgnore(mail) is { } ignored)
        {
            await index.RecordAsync(key, InboundState.Ignored, null, ignored, rawBlob, cancellationToken);
            return new InboundResult(InboundOutcome.Ignored, null, ignored);
        }

        var sender = mail.Sender;
        if (sender is null || !RequestSubmissionValidator.IsEmail(sender.Address))
        {
            await index.RecordAsync(key, InboundState.Rejected, null, MailRejection.NoSender.Code, rawBlob, cancellationToken);
            return new InboundResult(InboundOutcome.Rejected, null, MailRejection.NoSender.Code, MailRejection.NoSender.Detail);
        }

        var message = new InboundFacts(
            delivery, key, rawBlob, mail, RequestClassifier.Classify(mail.Subject, mail.Text, options.Value.MinimumConfidence), receiptClock.Determine(mail.Message, delivery.ArrivedAt),
            SenderAuthentication.FromHeaders(mail.Message, delivery.Transport, options.Value.AuthServIds), hasher.Hash(sender.Address));
        if (seen is null && message.Classification.IsMachineMail)
        {
            var reason = message.Classification.WireName + "-text";
            await index.RecordAsync(key, InboundState.Ignored, null, reason, rawBlob, cancellationToken);
            return new InboundResult(InboundOutcome.Ignored, null, reason);
        }

        if (seen is null && await LinkToOpenRequestAsync(message, cancellationToken) is { } linked)
        {
            return linked;
        }

        var requestId = await ClaimAsync(seen, key, rawBlob, cancellationToken);
        if (requestId is null)
        {
            return await index.FindAsync(key, cancellationToken) is { State: not InboundState.Claimed } done
                ? new InboundResult(InboundOutcome.Duplicate, done.RequestId, done.State.ToString().ToLowerInvariant())
                : new InboundResult(InboundOutcome.InProgress, null, "in-progress");
        }

        return await TakeInAsync(message, requestId, client, cancellationToken);
    }

    private async Task<InboundResult?> LinkToOpenRequestAsync(InboundFacts message, CancellationToken cancellationToken)
    {
        var since = message.Receipt.At - options.Value.DuplicateWindow;
        var openId = await index.FindRecentAsync(message.AddressHash, message.Classification.Intent, since, cancellationToken);
        if (openId is null || await requests.FindAsync(openId, cancellationToken) is not { } open || open.Status.IsFinal())
        {
            return null;
        }

        await evidence.AppendAsync(open.Id, InboundMailEvidence.Key(message.Key), message.Evidence<InboundMessageLinked>(), cancellationToken: cancellationToken);
        await index.RecordAsync(message.Key, InboundState.Linked, open.Id, "same-address-and-type", message.RawBlob, cancellationToken);
        return new InboundResult(InboundOutcome.Linked, open.Id, "same-address-and-type");
    }

    /// <returns>The request id to take the message in under, or null when another worker holds it.</returns>
    private async Task<string?> ClaimAsync(InboundRecord? seen, string key, string rawBlob, CancellationToken cancellationToken)
    {
        if (seen is not null)
        {
            var abandoned = seen.ClaimedAt < clock.GetUtcNow() - options.Value.ClaimTimeout;
            return abandoned && await index.TakeOverAsync(key, cancellationToken) ? seen.RequestId : null;
        }

        var requestId = RequestId.New();
        return await index.ClaimAsync(key, requestId, rawBlob, cancellationToken) is null ? requestId : null;
    }

    private async Task<InboundResult> TakeInAsync(InboundFacts message, string requestId, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var classification = message.Classification;
        var triage = classification.NeedsTriage;
        var submission = new RequestSubmission(
            classification.RequestType ?? RequestType.Access,
            InboundRequester.From(message.Mail.Sender!, InboundRequester.AccountIdIn(message.Mail)),
            classification.Jurisdiction,
            Languages.Normalise(classification.Language),
            InboundRequester.Details(message.Mail),
            ProposedCorrections(message));
        var receipt = new IntakeReceipt(IntakeChannel.Email, message.Receipt.At, requestId, triage ? classification.SuggestedName : null);
        await intake.SubmitAsync(submission, receipt, client, cancellationToken);
        await evidence.AppendAsync(requestId, InboundMailEvidence.Key(message.Key), message.Evidence<InboundMessageReceived>(), cancellationToken: cancellationToken);
        await index.RememberAsync(message.AddressHash, classification.Intent, requestId, message.Receipt.At, cancellationToken);
        if (triage)
        {
            await acknowledger.AcknowledgeAsync(message, requestId, cancellationToken);
        }

        await index.RecordAsync(message.Key, InboundState.Created, requestId, null, message.RawBlob, cancellationToken);
        return new InboundResult(triage ? InboundOutcome.NeedsTriage : InboundOutcome.Created, requestId, classification.WireName);
    }

    /// <summary>For a message read (or guessed) as a correction, the new values its text gives, for staff to confirm.</summary>
    private static IReadOnlyDictionary<string, string> ProposedCorrections(InboundFacts message) =>
        message.Classification.SuggestedName == MailIntent.Correction.ToWire()
            ? CorrectionValues.Extract(message.Mail.Subject, message.Mail.Text, message.Mail.Sender?.Address)
            : new Dictionary<string, string>();

    private async Task<InboundResult> RejectAsync(string key, ReadOnlyMemory<byte> raw, MailRejection rejection, bool truncated, CancellationToken cancellationToken)
    {
        var blob = await archive.StoreAsync(key, raw, rejection.Code, truncated, cancellationToken);
        await index.RecordAsync(key, InboundState.Rejected, null, rejection.Code, blob, cancellationToken);
        return new InboundResult(InboundOutcome.Rejected, null, rejection.Code, rejection.Detail);
    }

    private static string ContentKey(ReadOnlyMemory<byte> raw) => "c-" + Convert.ToHexStringLower(SHA256.HashData(raw.Span));

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbound mail via {Path}: {Outcome} ({Reason}), request {RequestId}")]
    private static partial void LogOutcome(ILogger logger, string path, InboundOutcome outcome, string? reason, string? requestId);
}

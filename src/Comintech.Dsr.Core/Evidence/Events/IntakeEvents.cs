namespace Comintech.Dsr.Evidence.Events;

/// <summary>The request was stored: how and when it came, its legal clock, and the names of the fields it asks to correct.</summary>
/// <param name="Type">The type's wire name; null while the request waits for triage.</param>
/// <param name="GlobalPrivacyControl">True when the submission carried <c>Sec-GPC: 1</c>, else null.</param>
public sealed record RequestReceived(
    string? Type,
    IntakeChannel Channel,
    Jurisdiction Jurisdiction,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DueAt,
    IReadOnlyList<string> CorrectedFields,
    bool ControlPanelLink,
    RequestStatus Status,
    string? SuggestedClassification,
    bool? GlobalPrivacyControl) : EvidenceEvent(EvidenceEvents.Received)
{
    public static EvidenceKey Key => new("received");

    public static RequestReceived From(DsrRequest request, bool globalPrivacyControl) => new(
        request.Status == RequestStatus.NeedsTriage ? null : request.Type.ToWire(),
        request.Channel,
        request.Jurisdiction,
        request.ReceivedAt,
        request.DueAt,
        [.. request.Corrections.Keys.Order()],
        request.Identity is { IsStrongProof: true },
        request.Status,
        request.SuggestedClassification,
        globalPrivacyControl ? true : null);
}

/// <summary>The acknowledgement went out (its message key) with the deadline it states.</summary>
public sealed record AcknowledgementSent(string Message, DateTimeOffset DueAt) : EvidenceEvent(EvidenceEvents.AcknowledgementSent)
{
    public static EvidenceKey Key => new("ack");
}

/// <summary>A mailed request without a clear type was classified by staff: the type, the inbox's guess, the corrected field names.</summary>
public sealed record RequestClassified(string Type, string? SuggestedClassification, IReadOnlyList<string> CorrectedFields) : EvidenceEvent(EvidenceEvents.Classified)
{
    public static EvidenceKey Key => new("classified");
}

/// <summary>The inbox acknowledged a mailed request (its message key, the language it answered in).</summary>
public sealed record InboxAcknowledged(string Message, string Language) : EvidenceEvent(EvidenceEvents.InboxAcknowledged)
{
    public static EvidenceKey Key => new("inbox-ack");
}

/// <summary>
/// How one inbound message came, what it was read as and how its sender checked out: message and blob keys, dates,
/// classification, counts and authentication results; no address, name or text.
/// </summary>
public abstract record InboundMailEvidence : EvidenceEvent
{
    protected InboundMailEvidence(EvidenceType type)
        : base(type)
    {
    }

    public string Path { get; init; } = "";

    public string MessageKey { get; init; } = "";

    public string RawBlob { get; init; } = "";

    public bool HasMessageId { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    public string ReceiptSource { get; init; } = "";

    public DateTimeOffset ArrivedAt { get; init; }

    public string Classification { get; init; } = "";

    public string? SuggestedClassification { get; init; }

    public double Confidence { get; init; }

    public string ClassifiedBy { get; init; } = "";

    public string Language { get; init; } = "";

    public int Attachments { get; init; }

    public string Spf { get; init; } = "";

    public string Dkim { get; init; } = "";

    public string Dmarc { get; init; } = "";

    public static EvidenceKey Key(string messageKey) => new("inbound-" + messageKey);
}

/// <summary>A message opened a request.</summary>
public sealed record InboundMessageReceived() : InboundMailEvidence(EvidenceEvents.InboundMessage);

/// <summary>A message was linked to an open request of the same address and type instead of opening another.</summary>
public sealed record InboundMessageLinked() : InboundMailEvidence(EvidenceEvents.InboundLinked);

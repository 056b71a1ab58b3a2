namespace Comintech.Dsr.Evidence.Events;

/// <summary>
/// What a recipient of the data (GDPR Art. 19) was told: its id and name from the data map, the channel, the store ids
/// concerned and a note on how (never the person's data). The three recipient event types share this shape.
/// </summary>
public abstract record RecipientEvidence : EvidenceEvent
{
    protected RecipientEvidence(RecipientNotice notice, EvidenceType type)
        : base(type) =>
        (Notice, RecipientId, Recipient, Channel, Stores, Note) = (notice, notice.RecipientId, notice.Recipient, notice.Channel, notice.Stores, notice.Note);

    /// <summary>The notice as a whole (the fields below are what the link holds).</summary>
    [JsonIgnore]
    public RecipientNotice Notice { get; }

    public string RecipientId { get; }

    public string Recipient { get; }

    public string Channel { get; }

    public IReadOnlyList<string> Stores { get; }

    public string? Note { get; }

    public static EvidenceKey Key(string recipientId) => new("recipient-" + recipientId);

    /// <summary>The event for a notice by its channel: not told (legal demand only), a staff task, or told.</summary>
    public static RecipientEvidence For(RecipientNotice notice) => notice.Channel switch
    {
        "none" => new RecipientNotNotified(notice),
        "staff-task" => new RecipientTaskOpened(notice),
        _ => new RecipientNotified(notice),
    };
}

/// <summary>A recipient was told by webhook or e-mail.</summary>
public sealed record RecipientNotified(RecipientNotice Notice) : RecipientEvidence(Notice, EvidenceEvents.RecipientNotified);

/// <summary>A recipient could not be told automatically: staff were given the task.</summary>
public sealed record RecipientTaskOpened(RecipientNotice Notice) : RecipientEvidence(Notice, EvidenceEvents.RecipientTaskOpened);

/// <summary>A recipient that receives data only on legal demand was not told.</summary>
public sealed record RecipientNotNotified(RecipientNotice Notice) : RecipientEvidence(Notice, EvidenceEvents.RecipientNotNotified);

using Comintech.Dsr.Recipients;

namespace Comintech.Dsr.Evidence.Events;

/// <summary>
/// What a recipient of the data (GDPR Art. 19) was told: its id and name from the data map, the channel, the store ids
/// concerned and a note on how (never the person's data). The three recipient event types share this shape.
/// </summary>
public abstract record RecipientEvidence : EvidenceEvent
{
    protected RecipientEvidence(RecipientNotice notice) =>
        (RecipientId, Recipient, Channel, Stores, Note) = (notice.RecipientId, notice.Recipient, notice.Channel, notice.Stores, notice.Note);

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
public sealed record RecipientNotified : RecipientEvidence
{
    public RecipientNotified(RecipientNotice notice)
        : base(notice)
    {
    }

    protected override string EventTypeName => EvidenceEvents.RecipientNotified;
}

/// <summary>A recipient could not be told automatically: staff were given the task.</summary>
public sealed record RecipientTaskOpened : RecipientEvidence
{
    public RecipientTaskOpened(RecipientNotice notice)
        : base(notice)
    {
    }

    protected override string EventTypeName => EvidenceEvents.RecipientTaskOpened;
}

/// <summary>A recipient that receives data only on legal demand was not told.</summary>
public sealed record RecipientNotNotified : RecipientEvidence
{
    public RecipientNotNotified(RecipientNotice notice)
        : base(notice)
    {
    }

    protected override string EventTypeName => EvidenceEvents.RecipientNotNotified;
}

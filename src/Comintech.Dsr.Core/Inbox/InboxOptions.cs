namespace Comintech.Dsr.Inbox;

/// <summary>Settings of the privacy inbox (section <c>Dsr:Inbox</c>).</summary>
public sealed class InboxOptions
{
    public const string Section = "Dsr:Inbox";

    /// <summary>Largest message taken in; a larger one is stored for staff (up to this size) and rejected.</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public int MaxMessageBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Deepest MIME nesting accepted (multiparts and attached messages).</summary>
    [Range(2, 64)]
    public int MaxMimeDepth { get; set; } = 10;

    /// <summary>Most MIME parts accepted in one message.</summary>
    [Range(1, 10_000)]
    public int MaxMimeParts { get; set; } = 500;

    /// <summary>Another message from the same address asking the same thing within this time joins the open request.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How far a header date may lie ahead of the arrival time (clock skew) and still be trusted.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How far a header date may lie before the arrival time (SendGrid retries for 3 days) and still be trusted.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan MaxDeliveryDelay { get; set; } = TimeSpan.FromDays(4);

    /// <summary>Domains of our own Message-IDs and addresses; the sender's domain (<c>Dsr:Mail:FromAddress</c>) is always included.</summary>
    public List<string> OwnDomains { get; set; } = [];

    public const int MinWebhookKeyLength = 16;

    /// <summary>
    /// When set, the SendGrid webhook requires <c>?key=</c> with this value (SendGrid does not sign Inbound Parse posts);
    /// required in Azure. Only a post with the right key has its SPF and DKIM fields believed.
    /// </summary>
    public string? WebhookKey { get; set; }

    /// <summary>
    /// The authserv-ids of our own receiving servers: only <c>Authentication-Results</c> headers naming one of these are
    /// read for SPF/DKIM/DMARC (anyone can write such a header into a message). Empty: none are read.
    /// </summary>
    public List<string> AuthServIds { get; set; } = [];

    /// <summary>A message claimed by a worker that did not finish within this time is taken over by the next delivery.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Below this confidence (0–1) the trained model's reading is not acted on: the message goes to triage with the model's best guess shown.</summary>
    [Range(0.0, 1.0)]
    public double MinimumConfidence { get; set; } = RequestClassifier.DefaultMinimumConfidence;

    /// <summary>Most acknowledgements of messages waiting for staff sent to one address per UTC day (0: none).</summary>
    [Range(0, 100)]
    public int AcknowledgementsPerAddressPerDay { get; set; } = 3;
}

using MimeKit.Utils;

namespace Comintech.Dsr.Inbox;

/// <summary>When the message reached the inbox, and which source that time came from.</summary>
public sealed record Receipt(DateTimeOffset At, string Source);

/// <summary>
/// The legal clock starts when a message reached the inbox, not when it was processed: the top Received header
/// (written by the receiving server), else the Date header, each trusted only when it is no later than the arrival
/// time (plus clock skew) and no earlier than the longest delivery delay; else the arrival time itself.
/// </summary>
public sealed class ReceiptClock(IOptions<InboxOptions> options)
{
    public const string FromReceived = "received-header";
    public const string FromDate = "date-header";
    public const string FromArrival = "arrival";

    public Receipt Determine(MimeMessage message, DateTimeOffset arrivedAt)
    {
        var inbox = options.Value;
        bool Plausible(DateTimeOffset at) => at <= arrivedAt + inbox.MaxClockSkew && at >= arrivedAt - inbox.MaxDeliveryDelay;

        var received = message.Headers.FirstOrDefault(h => h.Id == HeaderId.Received)?.Value;
        if (received is not null && received.LastIndexOf(';') is var semicolon and >= 0
            && DateUtils.TryParse(received[(semicolon + 1)..].Trim(), out var receivedAt) && Plausible(receivedAt))
        {
            return new Receipt(Earliest(receivedAt, arrivedAt), FromReceived);
        }

        if (message.Headers.Contains(HeaderId.Date) && message.Date != DateTimeOffset.MinValue && Plausible(message.Date))
        {
            return new Receipt(Earliest(message.Date, arrivedAt), FromDate);
        }

        return new Receipt(arrivedAt, FromArrival);
    }

    private static DateTimeOffset Earliest(DateTimeOffset header, DateTimeOffset arrivedAt) =>
        (header < arrivedAt ? header : arrivedAt).ToUniversalTime();
}

using System.Text;
using Comintech.Dsr.Inbox;
using MimeKit;

namespace Comintech.Dsr.Core.Tests.Inbox;

public sealed class ReceiptClockTests
{
    private static readonly ReceiptClock Clock = new(InboxTestOptions.Default);
    private static readonly DateTimeOffset Arrival = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static MimeMessage Message(string headers) =>
        MimeMessage.Load(new MemoryStream(Encoding.ASCII.GetBytes(headers + "From: a@example.com\r\n\r\nbody\r\n")));

    [Fact]
    public void The_top_received_header_is_when_the_message_reached_the_inbox()
    {
        var receipt = Clock.Determine(Message(
            "Received: by mx.comintech.example; Sat, 28 Nov 2026 23:30:00 +0100\r\n"
            + "Received: by relay.example.net; Sat, 28 Nov 2026 20:00:00 +0000\r\n"
            + "Date: Sat, 28 Nov 2026 19:00:00 +0000\r\n"), Arrival);

        Assert.Equal(new DateTimeOffset(2026, 11, 28, 22, 30, 0, TimeSpan.Zero), receipt.At);
        Assert.Equal(ReceiptClock.FromReceived, receipt.Source);
    }

    [Fact]
    public void A_date_in_the_future_or_too_far_back_is_not_trusted()
    {
        var future = Clock.Determine(Message("Received: by mx; Mon, 30 Nov 2026 12:00:00 +0000\r\nDate: Sun, 29 Nov 2026 11:00:00 +0000\r\n"), Arrival);
        Assert.Equal((Arrival.AddHours(-1), ReceiptClock.FromDate), (future.At, future.Source));

        var ancient = Clock.Determine(Message("Date: Mon, 01 Jan 2001 00:00:00 +0000\r\n"), Arrival);
        Assert.Equal((Arrival, ReceiptClock.FromArrival), (ancient.At, ancient.Source));
    }

    [Fact]
    public void Small_clock_skew_never_puts_receipt_after_arrival()
    {
        var receipt = Clock.Determine(Message("Date: Sun, 29 Nov 2026 12:05:00 +0000\r\n"), Arrival);
        Assert.Equal(Arrival, receipt.At);
    }
}

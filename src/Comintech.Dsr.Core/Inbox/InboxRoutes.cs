namespace Comintech.Dsr.Inbox;

public static class InboxRoutes
{
    public static IReadOnlyList<DsrRoute> All { get; } =
    [
        DsrRoute.Call<InboundMailHttpHandlers>("POST", "/api/inbound/sendgrid", "SendGridInboundFunction", "SendGrid Inbound Parse webhook for the privacy inbox.", h => h.SendGridAsync),
    ];
}

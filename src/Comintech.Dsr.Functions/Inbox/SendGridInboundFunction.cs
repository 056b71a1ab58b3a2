namespace Comintech.Dsr.Functions.Inbox;

/// <summary>POST /api/inbound/sendgrid: SendGrid Inbound Parse webhook for the privacy inbox.</summary>
public sealed class SendGridInboundFunction(InboundMailHttpHandlers handlers)
{
    [Function(nameof(SendGridInboundFunction))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/inbound/sendgrid")] HttpRequest request,
        [DurableClient] DurableTaskClient client) =>
        new ResultAction(await handlers.SendGridAsync(request, client));
}

using SendGrid;
using SendGrid.Helpers.Mail;

namespace Comintech.Dsr.Notifications;

/// <summary>Delivery through SendGrid's v3 mail API (Azure). The idempotency key travels as a custom argument.</summary>
public sealed partial class SendGridNotifier(ISendGridClient client, IOptions<MailOptions> options, ILogger<SendGridNotifier> logger) : INotifier
{
    public async Task SendAsync(OutgoingEmail message, CancellationToken cancellationToken)
    {
        var mail = options.Value;
        var sendGridMessage = MailHelper.CreateSingleEmail(
            new EmailAddress(mail.FromAddress, mail.FromName),
            new EmailAddress(message.ToAddress, message.ToName),
            message.Subject,
            message.TextBody,
            htmlContent: null);
        sendGridMessage.AddCustomArg("dsr_message_key", message.IdempotencyKey);
        var response = await client.SendEmailAsync(sendGridMessage, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // The body may echo the address; only the status goes into the exception.
            throw new InvalidOperationException($"SendGrid refused message {message.IdempotencyKey} with HTTP {(int)response.StatusCode}.");
        }

        LogSent(logger, message.IdempotencyKey);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MessageKey} accepted by SendGrid")]
    private static partial void LogSent(ILogger logger, string messageKey);
}

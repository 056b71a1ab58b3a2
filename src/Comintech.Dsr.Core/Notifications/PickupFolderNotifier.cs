namespace Comintech.Dsr.Notifications;

/// <summary>
/// Local delivery: each message becomes <c>&lt;idempotency key&gt;.eml</c> in the pickup folder, so a re-run
/// activity overwrites its own file instead of sending twice.
/// </summary>
public sealed partial class PickupFolderNotifier(IOptions<MailOptions> options, ILogger<PickupFolderNotifier> logger) : INotifier
{
    public string Directory { get; } = Path.GetFullPath(options.Value.PickupDirectory);

    public async Task SendAsync(OutgoingEmail message, CancellationToken cancellationToken)
    {
        var mail = MimeMessages.Build(options.Value, message);
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, FileNameFor(message.IdempotencyKey));
        var temp = path + ".tmp";
        await using (var stream = File.Create(temp))
        {
            await mail.WriteToAsync(stream, cancellationToken);
        }

        File.Move(temp, path, overwrite: true);
        LogWritten(logger, message.IdempotencyKey, path);
    }

    public static string FileNameFor(string idempotencyKey) =>
        new string(idempotencyKey.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray()) + ".eml";

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MessageKey} written to {Path}")]
    private static partial void LogWritten(ILogger logger, string messageKey, string path);
}

internal static class MimeMessages
{
    public static MimeMessage Build(MailOptions mail, OutgoingEmail message)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(mail.FromName, mail.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        mime.Subject = message.Subject;
        mime.MessageId = $"{message.IdempotencyKey}@{mail.FromAddress.Split('@')[^1]}";
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        mime.Body = new TextPart("plain") { Text = message.TextBody };
        return mime;
    }
}

namespace Comintech.Dsr.Notifications;

/// <summary>Settings under <c>Dsr:Mail</c>: how outgoing mail is sent and whom it is from.</summary>
public sealed class MailOptions
{
    public const string Section = "Dsr:Mail";

    /// <summary>SendGrid API key. Empty: every message is written as an .eml file to <see cref="PickupDirectory"/>.</summary>
    public string? SendGridApiKey { get; set; }

    [Required]
    [EmailAddress]
    public string FromAddress { get; set; } = "privacy@comintech.example";

    [Required]
    public string FromName { get; set; } = "Comintech Privacy";

    /// <summary>Folder for .eml files when no SendGrid key is set. Relative paths are taken from the working directory.</summary>
    public string PickupDirectory { get; set; } = ".dsr/mail";
}

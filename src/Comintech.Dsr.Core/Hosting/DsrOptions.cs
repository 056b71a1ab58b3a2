using System.ComponentModel.DataAnnotations;
using Comintech.Dsr.Deadlines;
using Comintech.Dsr.Staff;
using Microsoft.Extensions.Options;

namespace Comintech.Dsr.Hosting;

/// <summary>Settings under the <c>Dsr</c> configuration section.</summary>
public sealed class DsrOptions
{
    public const string Section = "Dsr";

    /// <summary>
    /// Connection string of the storage account that holds requests, evidence and documents.
    /// Empty: <c>AzureWebJobsStorage</c> is used.
    /// </summary>
    public string? StorageConnectionString { get; set; }

    /// <summary>Key for the keyed hash (HMAC-SHA256) under which e-mail addresses are looked up. At least 32 characters.</summary>
    [Required]
    [MinLength(32)]
    public string IdentifierHashKey { get; set; } = "";

    /// <summary>Base address people reach the service on, used in links inside e-mails.</summary>
    [Required]
    [Url]
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:7071";

    [Required]
    [ValidateObjectMembers]
    public VerificationOptions Verification { get; set; } = new();

    [Required]
    [ValidateObjectMembers]
    public MailOptions Mail { get; set; } = new();

    [Required]
    [ValidateObjectMembers]
    public Inbox.InboxOptions Inbox { get; set; } = new();

    /// <summary>Holidays, the identity-wait policy and reminder points (<c>Dsr:Deadlines</c>).</summary>
    public DeadlineOptions Deadlines { get; set; } = new();

    /// <summary>Staff notifications (<c>Dsr:Staff</c>).</summary>
    public StaffOptions Staff { get; set; } = new();

    /// <summary>Request types that wait for a staff decision after verification (<c>Dsr:Approval</c>).</summary>
    public ApprovalOptions Approval { get; set; } = new();

    /// <summary>The key that encrypts the identifiers request rows keep (<c>Dsr:Protection</c>).</summary>
    [Required]
    [ValidateObjectMembers]
    public ProtectionOptions Protection { get; set; } = new();

    /// <summary>How long the system keeps its own copies of personal data (<c>Dsr:Retention</c>).</summary>
    public Retention.RetentionOptions Retention { get; set; } = new();

    /// <summary>Verification tiers and the control-panel link key (<c>Dsr:Identity</c>).</summary>
    public Identity.IdentityOptions Identity { get; set; } = new();
    /// <summary>The key post-deploy smoke tests present (<c>Dsr:Smoke</c>).</summary>
    public Smoke.SmokeOptions Smoke { get; set; } = new();

    /// <summary>Access packages and their download links (<c>Dsr:AccessPackage</c>).</summary>
    [ValidateObjectMembers]
    public Fulfilment.Access.AccessPackageOptions AccessPackage { get; set; } = new();

    /// <summary>The supervisory authority each law's notices name (<c>Dsr:Notices</c>).</summary>
    public Notifications.NoticeOptions Notices { get; set; } = new();
}

public sealed class ProtectionOptions
{
    /// <summary>
    /// Secret from which the key-encryption key of request rows is derived (at least 32 characters; in Azure from Key
    /// Vault, locally generated into <c>.dsr/protection-key</c>). Losing it makes open requests' identifiers unreadable.
    /// </summary>
    [Required]
    [MinLength(32)]
    public string Key { get; set; } = "";
}

public sealed class VerificationOptions
{
    /// <summary>How long one code stays valid.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CodeTtl { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long the request waits for the person to verify before it ends IdentityNotVerified.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "60.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Wrong codes allowed before the current code is locked.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Least time between two codes sent for one request.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ResendInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Most codes sent for one request, the first included.</summary>
    [Range(1, 20)]
    public int MaxCodesSent { get; set; } = 5;
}

public sealed class MailOptions
{
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

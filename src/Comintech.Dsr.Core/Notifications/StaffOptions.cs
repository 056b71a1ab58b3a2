namespace Comintech.Dsr.Notifications;

/// <summary>Settings under <c>Dsr:Staff</c>: where messages to the privacy team go.</summary>
public sealed class StaffOptions
{
    public const string Section = "Dsr:Staff";

    /// <summary>Where deadline reminders and escalations go (a team mailbox). Empty: none are sent.</summary>
    public string? NotifyAddress { get; set; }
}

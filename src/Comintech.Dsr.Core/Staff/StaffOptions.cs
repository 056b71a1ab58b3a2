using Comintech.Dsr.Domain;

namespace Comintech.Dsr.Staff;

/// <summary>Settings under <c>Dsr:Staff</c>.</summary>
public sealed class StaffOptions
{
    /// <summary>Where deadline reminders and escalations go (a team mailbox). Empty: none are sent.</summary>
    public string? NotifyAddress { get; set; }
}

/// <summary>Settings under <c>Dsr:Approval</c>: which request types wait for a staff decision after verification.</summary>
public sealed class ApprovalOptions
{
    /// <summary>Wire names of request types (access, correction, deletion). Empty (the default): no gate.</summary>
    public List<string> RequiredFor { get; set; } = [];

    public bool IsValid => RequiredFor.All(t => WireNames.TryParseRequestType(t, out _));

    public bool IsRequiredFor(RequestType type) =>
        RequiredFor.Any(t => WireNames.TryParseRequestType(t, out var parsed) && parsed == type);
}

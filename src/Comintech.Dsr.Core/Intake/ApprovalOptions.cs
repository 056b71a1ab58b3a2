namespace Comintech.Dsr.Intake;

/// <summary>Settings under <c>Dsr:Approval</c>: which request types wait for a staff decision after verification.</summary>
public sealed class ApprovalOptions
{
    public const string Section = "Dsr:Approval";

    /// <summary>Wire names of request types (access, correction, deletion). Empty (the default): no gate.</summary>
    public List<string> RequiredFor { get; set; } = [];

    public bool IsValid => RequiredFor.All(t => WireNames.TryParseRequestType(t, out _));

    public bool IsRequiredFor(RequestType type) =>
        RequiredFor.Any(t => WireNames.TryParseRequestType(t, out var parsed) && parsed == type);
}

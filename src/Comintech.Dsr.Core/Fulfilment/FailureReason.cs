namespace Comintech.Dsr.Fulfilment;

/// <summary>
/// Why a workflow stopped, as kept for staff, in the evidence and in the alert: the exception's type and a fixed code.
/// An exception's message can quote what it failed on (an address, a name, a store's answer), so it is never kept.
/// </summary>
public static partial class FailureReason
{
    /// <summary>A step failed after all its retries.</summary>
    public const string StepFailed = "step-failed";

    /// <summary>The reconciliation found the orchestration itself failed.</summary>
    public const string OrchestrationFailed = "orchestration-failed";

    public const string UnknownType = "unknown";

    private static readonly string[] Codes = [StepFailed, OrchestrationFailed];

    public static string Of(TaskFailureDetails? details, string code) => $"{TypeName(details?.ErrorType)}: {code}";

    /// <summary>
    /// The reason as it may be kept: one of <see cref="Of"/>'s forms passes unchanged; any other text (an older
    /// "type: message" input still in a workflow's history) keeps its type name and loses the rest.
    /// </summary>
    public static string Normalise(string reason)
    {
        var separator = reason.IndexOf(": ", StringComparison.Ordinal);
        var (type, code) = separator < 0 ? (reason, "") : (reason[..separator], reason[(separator + 2)..]);
        return $"{TypeName(type)}: {(Codes.Contains(code, StringComparer.Ordinal) ? code : StepFailed)}";
    }

    /// <summary>A .NET type name (letters, digits, <c>. _ + `</c>), or <see cref="UnknownType"/>.</summary>
    public static string TypeName(string? errorType) =>
        errorType is { Length: > 0 and <= 200 } name && TypeNamePattern().IsMatch(name) ? name : UnknownType;

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_.+`]*$", RegexOptions.CultureInvariant)]
    private static partial Regex TypeNamePattern();
}

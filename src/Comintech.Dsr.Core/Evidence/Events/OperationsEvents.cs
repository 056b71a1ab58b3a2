namespace Comintech.Dsr.Evidence.Events;

/// <summary>The workflow stopped at a step after its retries (the reason holds no personal data: it comes from the engine's failure).</summary>
public sealed record WorkflowFailed(string Step, string Reason, int Failure) : EvidenceEvent(EvidenceEvents.WorkflowFailed)
{
    public static EvidenceKey Key(int failure) => new($"workflow-failed-{failure}");
}

/// <summary>A failed (or never started) workflow was started again: which failure, whether verified, any decision handed over.</summary>
public sealed record WorkflowRestarted(int? Failure, string? Step, bool Verified, string? Approval) : EvidenceEvent(EvidenceEvents.WorkflowRestarted)
{
    public static EvidenceKey Key(int? failure) => new($"workflow-restarted-{failure ?? 0}");
}

/// <summary>Reconciliation repaired a request: started its workflow, or closed it as its finished workflow had.</summary>
public sealed record RequestReconciled : EvidenceEvent
{
    private RequestReconciled(string action, string? reason, RequestStatus? from, RequestStatus? to)
        : base(EvidenceEvents.Reconciled) =>
        (Action, Reason, From, To) = (action, reason, from, to);

    /// <summary>The request was stored but its workflow never started.</summary>
    public static RequestReconciled Started { get; } = new("started", "stored but its workflow never started", null, null);

    public static RequestReconciled Closed(RequestStatus from, RequestStatus to) => new("closed", null, from, to);

    public string Action { get; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RequestStatus? From { get; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RequestStatus? To { get; }

    public static EvidenceKey StartedKey => new("reconciled:started");

    public static EvidenceKey ClosedKey(RequestStatus to) => new("reconciled:closed-" + to);
}

/// <summary>The retention policy removed a request's identifiers: why, which columns; keyed hashes stay.</summary>
public sealed record IdentifiersRemoved(string Reason) : EvidenceEvent(EvidenceEvents.IdentifiersRemoved)
{
    public IReadOnlyList<string> Removed => RequestStore.ProtectedColumns;

    public string Kept => "ids, dates, type, channel, status, keyed hashes";

    public static EvidenceKey Key => new("retention:identifiers");
}

/// <summary>The retention policy (or a later deletion request) removed a request's working copies: why, kinds and counts.</summary>
public sealed record CopiesRemoved(string Reason, int Exports, int Packages, int RawMails, int Attachments) : EvidenceEvent(EvidenceEvents.CopiesRemoved)
{
    public static EvidenceKey ClosedKey => new("retention:copies");

    public static EvidenceKey PackageExpiredKey => new("retention:package-expired");
}

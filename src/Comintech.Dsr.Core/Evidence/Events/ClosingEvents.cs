namespace Comintech.Dsr.Evidence.Events;

/// <summary>One store in a closing summary: its id, outcome and how many records it changed.</summary>
public sealed record StoreTally(string StoreId, OutcomeKind Kind, int RecordsAffected)
{
    public static IReadOnlyList<StoreTally> Of(IEnumerable<ConnectorOutcome> outcomes) =>
        [.. outcomes.Select(o => new StoreTally(o.StoreId, o.Kind, o.RecordsAffected))];
}

/// <summary>One store in an access review: its id, outcome and how many records it found.</summary>
public sealed record StoreFound(string StoreId, OutcomeKind Kind, int RecordsFound)
{
    public static IReadOnlyList<StoreFound> Of(IEnumerable<ConnectorOutcome> outcomes) =>
        [.. outcomes.Select(o => new StoreFound(o.StoreId, o.Kind, o.RecordsFound))];
}

/// <summary>The closing notice went out (its message key).</summary>
public sealed record FinalNoticeSent(string Message) : EvidenceEvent(EvidenceEvents.FinalNoticeSent)
{
    public static EvidenceKey Key => new("final-notice");
}

/// <summary>An access package was published: its blob, when its link expires, how many stores; the identity re-run that rebuilt it, if one did.</summary>
public sealed record AccessPackagePublished(
    string Blob,
    DateTimeOffset LinkExpiresAt,
    int Stores,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? IdentityRun = null) : EvidenceEvent(EvidenceEvents.AccessPackagePublished)
{
    public static EvidenceKey Key => new("access-package");

    public static EvidenceKey IdentityRerunKey(string runId) => new("access-package:identity-" + runId);
}

/// <summary>The request closed: its final status with each store's outcome, or the re-run of one store that completed it.</summary>
public sealed record RequestCompleted : EvidenceEvent
{
    private RequestCompleted(RequestStatus status, IReadOnlyList<StoreTally>? stores, IReadOnlyList<string>? failedStores, string? afterRerunOf)
        : base(EvidenceEvents.Completed) =>
        (Status, Stores, FailedStores, AfterRerunOf) = (status, stores, failedStores, afterRerunOf);

    public static RequestCompleted Finalised(RequestStatus status, IReadOnlyList<ConnectorOutcome> outcomes) =>
        new(status, StoreTally.Of(outcomes), [.. outcomes.Where(o => o.Kind == OutcomeKind.Failed).Select(o => o.StoreId)], null);

    /// <summary>A staff re-run of the last failed store made the request complete.</summary>
    public static RequestCompleted AfterRerun(string storeId) => new(RequestStatus.Completed, null, null, storeId);

    public RequestStatus Status { get; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<StoreTally>? Stores { get; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? FailedStores { get; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AfterRerunOf { get; }

    /// <summary>The key of the link that closes a request's chain.</summary>
    public static EvidenceKey Key => new("completed");

    public static EvidenceKey AfterRerunKey(string rerunId) => new("completed-after-rerun:" + rerunId);
}

/// <summary>An access package waits for staff review (the stores' outcomes are in the store evidence).</summary>
public sealed record AccessReviewOpened(IReadOnlyList<StoreFound> Stores) : EvidenceEvent(EvidenceEvents.AccessReviewOpened)
{
    public static EvidenceKey Key => new("access-review-opened");
}

/// <summary>
/// Staff took one item out of a package: the store and a keyed reference to the item (<c>AccessReviews.EvidenceRef</c>),
/// never the item or its plain digest; the reason is in the audit log.
/// </summary>
public sealed record AccessReviewItemRemoved(string StoreId, string ItemRef) : EvidenceEvent(EvidenceEvents.AccessReviewItemRemoved)
{
    public static EvidenceKey Key(string storeId, string itemRef) => new($"access-review-removed.{storeId}.{itemRef}");
}

/// <summary>Staff released a reviewed package: how many items they removed.</summary>
public sealed record AccessReviewReleased(int Removed) : EvidenceEvent(EvidenceEvents.AccessReviewReleased)
{
    public static EvidenceKey Key => new("access-review-released");
}

/// <summary>The request waits for a staff decision.</summary>
public sealed record ApprovalRequested() : EvidenceEvent(EvidenceEvents.ApprovalRequested)
{
    public static EvidenceKey Key => new("approval-requested");
}

/// <summary>Staff approved the request (the decision's key is shared with a denial: the first decision stands).</summary>
public sealed record ApprovalGranted() : EvidenceEvent(EvidenceEvents.ApprovalGranted)
{
    public static EvidenceKey Key => ApprovalDecision.Key;
}

/// <summary>Staff denied the request (the reason is in the request store and the audit log).</summary>
public sealed record ApprovalDenied() : EvidenceEvent(EvidenceEvents.ApprovalDenied)
{
    public static EvidenceKey Key => ApprovalDecision.Key;
}

/// <summary>The one key of a request's approval decision, granted or denied.</summary>
public static class ApprovalDecision
{
    public static EvidenceKey Key => new("approval-decision");
}

/// <summary>The denial notice went out (its message key).</summary>
public sealed record DenialNoticeSent(string Message) : EvidenceEvent(EvidenceEvents.DenialNoticeSent)
{
    public static EvidenceKey Key => new("denial-notice");
}

/// <summary>The request closed as denied.</summary>
public sealed record RequestDenied() : EvidenceEvent(EvidenceEvents.Denied)
{
    public RequestStatus Status => RequestStatus.Denied;

    public static EvidenceKey Key => new("denied");
}

/// <summary>Staff refused the whole request at the stage it had reached (the reason is in the request store and audit log).</summary>
public sealed record RequestRefused : EvidenceEvent
{
    public RequestRefused(RequestStatus stage)
        : base(EvidenceEvents.Refused) => Stage = stage;

    public string Scope => "request";

    public RequestStatus Stage { get; }

    public static EvidenceKey Key => new("refused");
}

/// <summary>Staff refused some stores (ids, in order) before fulfilment, at the stage the request had reached.</summary>
public sealed record StoresRefused : EvidenceEvent
{
    public StoresRefused(IReadOnlyList<string> stores, RequestStatus stage)
        : base(EvidenceEvents.StoresRefused) => (Stores, Stage) = (stores, stage);

    public string Scope => "stores";

    public IReadOnlyList<string> Stores { get; }

    public RequestStatus Stage { get; }

    /// <summary>One link per set of stores refused.</summary>
    public static EvidenceKey Key(IReadOnlyList<string> stores) =>
        new("stores-refused-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(',', stores))))[..16]);
}

namespace Comintech.Dsr.Staff;

// What the staff API answers. Unlike the public routes these carry the person's identifiers: staff need them.

public sealed record RequestSummary(
    string RequestId,
    string Type,
    string Channel,
    string Jurisdiction,
    string Status,
    string FullName,
    string Email,
    DateTimeOffset ReceivedAt,
    DateTimeOffset DueAt,
    int DaysLeft,
    bool Overdue,
    bool Extended,
    int ProgressPercent);

public sealed record RequestList(IReadOnlyList<RequestSummary> Requests, int Total, bool Truncated, int PageSize, IReadOnlyList<string> Statuses);

public sealed record DeadlineView(
    DateTimeOffset DueAt,
    int DaysLeft,
    bool Overdue,
    DateTimeOffset? AcknowledgeBy,
    DateTimeOffset? ExtendedAt,
    string? ExtensionReason,
    bool CanExtend,
    DateTimeOffset? ExtendedDueAt,
    double? IdentityWaitDays,
    string IdentityWaitPolicy);

/// <param name="Sentence">The link in words (<see cref="EvidenceSentences"/>); <paramref name="Details"/> keeps the raw JSON for auditors.</param>
public sealed record EvidenceView(long Sequence, string EventType, DateTimeOffset OccurredAt, string Actor, string Details, string Hash, string Sentence);

public sealed record ChainView(bool IsIntact, int Length, string HeadHash, long? FirstBrokenSequence, string? Problem);

public sealed record RequestDetail(
    RequestSummary Summary,
    string Stage,
    string Language,
    string? AccountId,
    string? Details,
    IReadOnlyDictionary<string, string> Corrections,
    string? DenialReason,
    DateTimeOffset? ClosedAt,
    DeadlineView Deadline,
    IReadOnlyList<StoreProgress> Stores,
    IReadOnlyList<EvidenceView> Evidence,
    ChainView Chain,
    IReadOnlyList<StaffAuditEntry> Audit,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> RerunnableStores,
    IdentityView Identity,
    string? SuggestedClassification = null);

/// <summary>
/// The identity resolution for staff: the tier reached, the bound account, and an account id given but not bound,
/// masked (staff bind it only after checking data points on record).
/// </summary>
public sealed record IdentityView(int? Tier, string? BoundAccountId, string? BoundBy, string? UnboundAccountId, string? UnboundReason, bool CanBind)
{
    public static IdentityView From(DsrRequest request)
    {
        var identity = request.Identity;
        var unbound = identity?.Unbound is not null ? request.Subject.AccountId : null;
        return new(
            identity is null ? null : (int)identity.Tier,
            identity?.BoundAccountId,
            identity?.BoundBy?.ToString(),
            unbound is null ? null : Mask(unbound),
            identity?.Unbound?.ToString(),
            IdentityBindingService.CanBind(request));
    }

    /// <summary>The first and last two characters, the rest hidden: enough to recognise, not to copy.</summary>
    public static string Mask(string value) =>
        value.Length <= 4 ? new string('•', value.Length) : value[..2] + new string('•', value.Length - 4) + value[^2..];
}

public static class StaffViews
{
    public static RequestSummary Summary(DsrRequest request, DateTimeOffset now) => new(
        request.Id,
        request.Type.ToWire(),
        request.Channel.ToString(),
        request.Jurisdiction.ToString(),
        request.Status.ToString(),
        request.Subject.FullName,
        request.Subject.Email,
        request.ReceivedAt,
        request.DueAt,
        LegalCalendar.DaysLeft(request.DueAt, now),
        RequestFilter.IsOverdue(request, now),
        request.ExtendedAt is not null,
        ProgressPercent(request.Status));

    /// <summary>How far along the workflow a status is, for the list's progress bar.</summary>
    public static int ProgressPercent(RequestStatus status) => status switch
    {
        RequestStatus.Received => 10,
        RequestStatus.AwaitingVerification => 25,
        RequestStatus.AwaitingApproval => 45,
        RequestStatus.InProgress => 70,
        _ when status.IsFinal() => 100,
        _ => 10,
    };

    /// <summary>What staff may do to the request in its current state.</summary>
    public static IReadOnlyList<string> Actions(DsrRequest request, bool canExtend)
    {
        var actions = new List<string>();
        if (request.Status == RequestStatus.AwaitingApproval)
        {
            actions.AddRange(["approve", "deny"]);
        }

        if (request.Status == RequestStatus.NeedsTriage)
        {
            actions.Add("classify");
        }

        if (canExtend)
        {
            actions.Add("extend");
        }

        return actions;
    }

    public static EvidenceView Evidence(EvidenceRecord record) =>
        new(record.Sequence, record.EventType, record.OccurredAt, record.Actor, record.Details, record.Hash, EvidenceSentences.Describe(record));

    public static ChainView Chain(ChainVerification verification) =>
        new(verification.IsIntact, verification.Length, verification.HeadHash, verification.FirstBrokenSequence, verification.Problem);

    /// <summary>Days from the first code sent to the successful verification, from the evidence.</summary>
    public static double? IdentityWaitDays(IReadOnlyList<EvidenceRecord> evidence) =>
        IdentityWait.Measure(evidence) is { } wait ? Math.Round(wait.TotalDays, 2) : null;
}

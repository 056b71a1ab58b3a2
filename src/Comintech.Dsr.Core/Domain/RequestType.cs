namespace Comintech.Dsr.Domain;

/// <summary>What the person asks for. The wire names are lower case: access, correction, deletion, optout, donotsell.</summary>
public enum RequestType
{
    Access,
    Correction,
    Deletion,

    /// <summary>Stop marketing (GDPR Art. 21, CCPA opt-out): the address is suppressed in every marketing store.</summary>
    OptOut,

    /// <summary>
    /// Opt-out of the sale or sharing of personal information (CCPA §1798.120, §1798.135; regulations §7026): no
    /// verification code (§7026(d)), a Global Privacy Control signal is enough (§7025), 15 business days, never extended.
    /// Acts on the stores the data map marks as selling or sharing and on marketing suppression.
    /// </summary>
    SaleSharingOptOut,
}

public static class RequestTypeRules
{
    /// <summary>Whether the person must confirm a code before anything is done (not for an opt-out of sale/sharing).</summary>
    public static bool NeedsVerification(this RequestType type) => type != RequestType.SaleSharingOptOut;

    /// <summary>Whether staff may extend the deadline (not for an opt-out of sale/sharing: its 15 business days allow none).</summary>
    public static bool CanBeExtended(this RequestType type) => type != RequestType.SaleSharingOptOut;

    /// <summary>Whether the 15-business-day opt-out clock applies.</summary>
    public static bool IsOptOut(this RequestType type) => type is RequestType.OptOut or RequestType.SaleSharingOptOut;
}

public enum Jurisdiction
{
    GDPR,
    CCPA,
}

public enum IntakeChannel
{
    Web,
    Api,
    Email,

    /// <summary>A post-deploy smoke test (see <c>Connectors/SmokeSandbox</c>): not a person's request.</summary>
    Smoke,
}

public enum RequestStatus
{
    Received,
    AwaitingVerification,
    InProgress,
    Completed,
    CompletedWithExceptions,
    IdentityNotVerified,

    /// <summary>An e-mail whose type staff must decide (unclear, an objection, a correction to confirm); stored, clock running, not yet orchestrated.</summary>
    NeedsTriage,

    /// <summary>Verified; waits for a staff decision (the approval gate).</summary>
    AwaitingApproval,

    /// <summary>Staff refused it with a reason, which the person was sent.</summary>
    Denied,
}

/// <summary>Where the orchestration is; kept in its custom status.</summary>
public enum RequestStage
{
    Received,
    AwaitingVerification,
    AwaitingApproval,
    Fulfilling,
    Finalising,
    Done,

    /// <summary>An access package waits for staff to review it before its link goes out.</summary>
    AwaitingReview,
}

public static class RequestStatusExtensions
{
    public static bool IsFinal(this RequestStatus status) =>
        status is RequestStatus.Completed or RequestStatus.CompletedWithExceptions or RequestStatus.IdentityNotVerified or RequestStatus.Denied;

    /// <summary>
    /// Whether a request may move from <paramref name="from"/> to <paramref name="to"/>: statuses only go forward (a late
    /// re-run of an earlier step must not reopen a request), and a closed request only moves from CompletedWithExceptions
    /// to Completed (a store re-run by staff).
    /// </summary>
    public static bool CanMoveTo(this RequestStatus from, RequestStatus to) =>
        from == to
        || (from.IsFinal()
            ? from == RequestStatus.CompletedWithExceptions && to == RequestStatus.Completed
            : to.IsFinal() || Rank(to) > Rank(from));

    private static int Rank(RequestStatus status) => status switch
    {
        RequestStatus.NeedsTriage or RequestStatus.Received => 0,
        RequestStatus.AwaitingVerification => 1,
        RequestStatus.AwaitingApproval => 2,
        RequestStatus.InProgress => 3,
        _ => 4,
    };
}

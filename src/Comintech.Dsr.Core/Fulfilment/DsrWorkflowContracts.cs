namespace Comintech.Dsr.Fulfilment;

// Everything in this file crosses into the engine's history: request ids and non-personal facts only.

/// <summary>Input of <see cref="DsrRequestOrchestrator"/>.</summary>
/// <param name="StoresInBatches">
/// The stores' first runs go in one <c>ExecuteStoreActions</c> activity (set for every new workflow); false for a
/// workflow started before that step existed, so its history replays as it was written (one activity per store).
/// </param>
/// <param name="AcknowledgeWithCode">
/// A request that needs a code is acknowledged and sent code 1 in one <c>AcknowledgeAndSendCode</c> activity (set for
/// every new workflow: one queue round trip and one orchestration turn fewer); false for a workflow started before.
/// </param>
public sealed record DsrOrchestrationInput(
    string RequestId,
    RequestType Type,
    DateTime VerificationDeadlineUtc,
    bool ApprovalRequired = false,
    bool StoresInBatches = false,
    bool AcknowledgeWithCode = false);

public sealed record DsrOrchestrationResult(RequestStatus Status, IReadOnlyList<StoreProgress> Stores);

/// <summary>The orchestration's custom status: where it is and how far each store got.</summary>
public sealed record DsrProgress(RequestStage Stage, IReadOnlyList<StoreProgress> Stores);

public sealed record StoreProgress(string StoreId, string State, int RecordsFound, int RecordsAffected, string? Note)
{
    public const string Pending = "Pending";

    public static StoreProgress From(ConnectorOutcome outcome) =>
        new(outcome.StoreId, outcome.Kind.ToString(), outcome.RecordsFound, outcome.RecordsAffected, outcome.Note);
}

public sealed record SendCodeInput(string RequestId, int Issue);

/// <param name="Review">An access package that waits for staff review (a planned store asks for it) before it goes out.</param>
public sealed record FulfilmentPlan(ConnectorAction Action, IReadOnlyList<PlannedStore> Stores, bool Review = false);

/// <param name="RunsLast">Starts once every other store has finished (the login history, erased only after the stores searched by its IPs).</param>
public sealed record PlannedStore(
    string StoreId, int MaxAttempts, TimeSpan FirstRetryInterval, double BackoffCoefficient, TimeSpan? ConfirmWithin = null, TimeSpan? RemindEvery = null,
    bool RunsLast = false,
    bool FollowsUpClients = false);

/// <summary>A store whose outcome is Waiting, at one of its reminders or at its deadline.</summary>
public sealed record StoreWaitInput(string RequestId, string StoreId, ConnectorAction Action, int Reminder);

/// <summary>
/// Payload of <see cref="DsrEvents.StoreConfirmed"/>: how a partner or staff member says the store's part ended.
/// Non-personal: the outcome, a count, the id of the confirmation row (which holds any note or attachment) and the
/// path of the records attached to an access confirmation inside the exports container.
/// </summary>
public sealed record StoreConfirmation(OutcomeKind Kind, int RecordsAffected, string ConfirmationId, string ConfirmedBy, string? ArtifactPath = null);

public sealed record StoreConfirmedInput(string RequestId, string StoreId, ConnectorAction Action, StoreConfirmation Confirmation);

/// <summary><paramref name="Rerun"/>: a later run of the same action under its own idempotency key (e.g. after an account was bound).</summary>
public sealed record StoreActionInput(string RequestId, string StoreId, ConnectorAction Action, string? Rerun = null)
{
    public string IdempotencyKey => ConnectorRequest.KeyFor(RequestId, StoreId, Action) + (Rerun is null ? "" : "." + Rerun);
}

/// <summary>The first run of one action on several stores of a request, in one activity (see <c>ExecuteStoreActions</c>).</summary>
public sealed record StoreBatchInput(string RequestId, ConnectorAction Action, IReadOnlyList<string> StoreIds);

/// <summary>
/// What a store batch finished: the outcomes it kept, in the input's order, and the stores it did not finish (each then
/// runs alone under its own retry policy).
/// </summary>
public sealed record StoreBatchResult(IReadOnlyList<ConnectorOutcome> Outcomes, IReadOnlyList<string> Unfinished);

public sealed record FinaliseInput(string RequestId, RequestStatus Status, IReadOnlyList<ConnectorOutcome> Outcomes);

/// <summary>Names of the external events the orchestration waits for.</summary>
public static class DsrEvents
{
    public const string IdentityVerified = "IdentityVerified";

    /// <summary>Payload: the number of the code to send (ignored when that code was sent already).</summary>
    public const string ResendCodeRequested = "ResendCodeRequested";

    /// <summary>A waiting store (partner, manual step) was confirmed; payload <see cref="StoreConfirmation"/>.</summary>
    public static string StoreConfirmed(string storeId) => $"StoreConfirmed:{storeId}";

    /// <summary>Payload: true (approved) or false (denied); the reason stays in the request store and the audit log.</summary>
    public const string ApprovalDecided = "ApprovalDecided";

    /// <summary>Staff released a reviewed access package; payload: the number of items they removed.</summary>
    public const string AccessReviewReleased = "AccessReviewReleased";
}

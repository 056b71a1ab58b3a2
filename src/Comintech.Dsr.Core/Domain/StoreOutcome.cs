namespace Comintech.Dsr.Domain;

/// <summary>What a connector is asked to do with the person's data in one store.</summary>
public enum ConnectorAction
{
    Export,
    Rectify,
    Erase,

    /// <summary>Put the address on the store's marketing suppression list (opt-out); only stores whose connector suppresses.</summary>
    Suppress,
}

/// <summary>How one store's part of a request ended.</summary>
public enum OutcomeKind
{
    /// <summary>The action was carried out.</summary>
    Done,

    /// <summary>The store holds nothing about the person.</summary>
    NothingFound,

    /// <summary>Data is kept for a stated legal reason (see the note).</summary>
    Retained,

    /// <summary>Someone else (a partner, staff) must act; the orchestration waits.</summary>
    Waiting,

    /// <summary>The action could not be carried out (see the note).</summary>
    Failed,
}

/// <summary>
/// A store's outcome: counts and non-personal notes only. <see cref="ArtifactPath"/> names an export blob
/// (for access) inside the private exports container.
/// </summary>
public sealed record ConnectorOutcome(
    string StoreId,
    ConnectorAction Action,
    OutcomeKind Kind,
    int RecordsFound,
    int RecordsAffected,
    string? Note,
    string? ArtifactPath,
    DateTimeOffset CompletedAt);

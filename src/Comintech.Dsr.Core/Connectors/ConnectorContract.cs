namespace Comintech.Dsr.Connectors;

/// <summary>
/// Everything a connector gets for one call. <see cref="Subject"/> and <see cref="Corrections"/> are personal data
/// read from the request store inside the activity; they never cross into orchestration history.
/// </summary>
public sealed record ConnectorRequest(
    string RequestId,
    DataStoreDefinition Store,
    ConnectorAction Action,
    string IdempotencyKey,
    DataSubject Subject,
    IReadOnlyDictionary<string, string> Corrections)
{
    /// <summary>The IP addresses of the account's logins, when the store is searched by <see cref="SubjectIdentifier.LoginIp"/>.</summary>
    public IReadOnlyList<string> LoginIps { get; init; } = [];

    /// <summary>How the data map says this action is handled in this store.</summary>
    public ActionPolicy Policy => Store.PolicyFor(Action);

    public bool Uses(SubjectIdentifier identifier) => Store.EffectiveIdentifiers.Contains(identifier);

    public ConnectorOutcome Outcome(OutcomeKind kind, int found, int affected, string? note, string? artifactPath, DateTimeOffset at) =>
        new(Store.Id, Action, kind, found, affected, note, artifactPath, at);

    public static string KeyFor(string requestId, string storeId, ConnectorAction action) =>
        $"{requestId}.{storeId}.{action.ToString().ToLowerInvariant()}";
}

/// <summary>One implementation per store kind. Every method must be idempotent under the request's idempotency key.</summary>
public interface IDataStoreConnector
{
    /// <summary>The data map <c>kind</c> this connector serves.</summary>
    string Kind { get; }

    Task<ConnectorOutcome> ExportAsync(ConnectorRequest request, CancellationToken cancellationToken);

    Task<ConnectorOutcome> RectifyAsync(ConnectorRequest request, CancellationToken cancellationToken);

    Task<ConnectorOutcome> EraseAsync(ConnectorRequest request, CancellationToken cancellationToken);

    /// <summary>True for marketing stores: an opt-out request is planned only on them.</summary>
    bool SuppressesMarketing => false;

    /// <summary>
    /// True where an opt-out of sale/sharing can be carried out (marketing suppression, a partner told to stop, a staff
    /// step): a store the data map marks <c>SellsOrShares</c> must be of such a kind.
    /// </summary>
    bool StopsSaleOrSharing => SuppressesMarketing;

    /// <summary>Suppresses the address for marketing without erasing anything else (opt-out).</summary>
    Task<ConnectorOutcome> SuppressAsync(ConnectorRequest request, CancellationToken cancellationToken) =>
        throw new ConnectorException($"Store kind '{Kind}' holds no marketing list to suppress.");

    /// <summary>Problems with a store's kind-specific settings, each naming the field; checked at start.</summary>
    IEnumerable<string> ValidateSettings(DataStoreDefinition store) => [];

    /// <summary>
    /// What of the store does not exist (e.g. <c>table 'Invoices'</c>), or null when it all does or there is nothing
    /// to check; checked at start. Throws when the store cannot be reached.
    /// </summary>
    Task<string?> FindMissingAsync(DataStoreDefinition store, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}

/// <summary>
/// Thrown by a connector for a failure whose message is safe to record as evidence (no personal data).
/// Any other exception is recorded by its type only.
/// </summary>
public sealed class ConnectorException(string safeMessage, Exception? inner = null) : Exception(safeMessage, inner);

public static class ConnectorActions
{
    public static ConnectorAction For(RequestType type) => type switch
    {
        RequestType.Access => ConnectorAction.Export,
        RequestType.Correction => ConnectorAction.Rectify,
        RequestType.Deletion => ConnectorAction.Erase,
        RequestType.OptOut or RequestType.SaleSharingOptOut => ConnectorAction.Suppress,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}

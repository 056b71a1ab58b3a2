namespace Comintech.Dsr.Connectors;

/// <summary>What start-up does when a mapped table, container or database does not exist (<c>DataMap:StoreCheck</c>).</summary>
public enum StoreCheckMode
{
    /// <summary>Log a warning and start (local default: stores may be seeded after start).</summary>
    Warn,

    /// <summary>Refuse to start, naming each missing store (default in Azure, where <c>WEBSITE_SITE_NAME</c> is set).</summary>
    Fail,

    /// <summary>Do not check.</summary>
    Off,
}

/// <summary>
/// At start, asks each mapped store's connector whether its table, container or database exists, and the login
/// history's table. A missing one is a mapping or deployment error: in <see cref="StoreCheckMode.Fail"/> start-up
/// stops with one line per store. A store that cannot be reached (network, permissions, timeout) does not stop
/// start-up but raises an alert: an error log and the metric <c>dsr.stores.unreachable</c>.
/// </summary>
public sealed partial class DataMapStoreCheck(
    IOptions<DataMapOptions> dataMap,
    IEnumerable<IDataStoreConnector> connectors,
    LoginHistoryLookup loginHistory,
    IConfiguration configuration,
    ILogger<DataMapStoreCheck> logger) : IHostedService
{
    private static readonly TimeSpan PerStoreTimeout = TimeSpan.FromSeconds(30);

    public StoreCheckMode Mode => dataMap.Value.StoreCheck
        ?? (string.IsNullOrEmpty(configuration["WEBSITE_SITE_NAME"]) ? StoreCheckMode.Warn : StoreCheckMode.Fail);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var mode = Mode;
        if (mode == StoreCheckMode.Off)
        {
            return;
        }

        var missing = await FindMissingAsync(cancellationToken);
        if (missing.Count == 0)
        {
            return;
        }

        if (mode == StoreCheckMode.Fail)
        {
            throw new InvalidOperationException(
                "The data map names stores that do not exist (create them, fix DataMap, or set DataMap:StoreCheck=Warn):"
                + Environment.NewLine + string.Join(Environment.NewLine, missing));
        }

        foreach (var line in missing)
        {
            LogMissing(logger, line);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>One line per missing store, e.g. <c>DataMap:Stores:2 (billing-invoices): table 'Invoices' does not exist.</c></summary>
    public async Task<IReadOnlyList<string>> FindMissingAsync(CancellationToken cancellationToken)
    {
        var byKind = connectors.ToDictionary(c => c.Kind, StringComparer.OrdinalIgnoreCase);
        var checks = dataMap.Value.Stores
            .Select((store, i) => (Store: store, Entry: $"DataMap:Stores:{i} ({store.Id})"))
            .Where(s => byKind.ContainsKey(s.Store.Kind))
            .Select(s => CheckAsync(s.Entry, s.Store.Id, ct => byKind[s.Store.Kind].FindMissingAsync(s.Store, ct), cancellationToken))
            .ToList();
        checks.Add(CheckAsync("DataMap:LoginHistory", "login-history", loginHistory.FindMissingAsync, cancellationToken));
        var results = await Task.WhenAll(checks);
        return [.. results.OfType<string>()];
    }

    private async Task<string?> CheckAsync(string entry, string storeId, Func<CancellationToken, Task<string?>> find, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(PerStoreTimeout);
        try
        {
            return await find(timeout.Token) is { } missing ? $"{entry}: {missing} does not exist." : null;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Reported by type only: a driver's message may quote a connection string.
            DsrTelemetry.StoreUnreachable(storeId);
            LogUnreachable(logger, storeId, ex.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Missing} Requests will fail on this store until it exists.")]
    private static partial void LogMissing(ILogger logger, string missing);

    [LoggerMessage(Level = LogLevel.Error, Message = "Data store {StoreId} could not be reached at start ({Failure}); its actions will fail until it can.")]
    private static partial void LogUnreachable(ILogger logger, string storeId, string failure);
}

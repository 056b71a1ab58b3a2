namespace Comintech.Dsr.LocalEngine.Engine;

/// <summary>
/// Listens to the backend's own log for the partitions this engine starts serving (it listens on their control queue
/// once it holds them) and says so in the engine's log, with the time since the engine started: after a crash, this
/// is when the engine has its work back (messages the killed engine had taken follow within the visibility timeout).
/// </summary>
public sealed partial class PartitionLeaseLog : ILoggerProvider
{
    public const string BackendCategory = "DurableTask.AzureStorage";
    private readonly DateTimeOffset started = DateTimeOffset.UtcNow;
    private ILogger? engineLog;

    /// <summary>From here on, acquired leases are reported to <paramref name="logger"/>.</summary>
    public void Attach(ILogger<PartitionLeaseLog> logger) => engineLog = logger;

    public ILogger CreateLogger(string categoryName) =>
        categoryName == BackendCategory ? new Listener(this) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    private void Heard<TState>(EventId eventId, TState state)
    {
        if (engineLog is null || eventId.Name != "PartitionManagerInfo")
        {
            return;
        }

        var fields = (state as IEnumerable<KeyValuePair<string, object>>)?.ToList() ?? [];
        string? Field(string name) => fields.FirstOrDefault(f => f.Key == name).Value?.ToString();
        if (Field("Details")?.StartsWith("Started listening for messages on queue", StringComparison.Ordinal) == true)
        {
            LogTakenBack(engineLog, Field("PartitionId") ?? "?", Field("WorkerName") ?? "?", (DateTimeOffset.UtcNow - started).TotalSeconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Partition {PartitionId} taken by worker {WorkerId}, {Seconds:0.0} s after the engine started")]
    private static partial void LogTakenBack(ILogger logger, string partitionId, string workerId, double seconds);

    private sealed class Listener(PartitionLeaseLog owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Heard(eventId, state);
    }
}

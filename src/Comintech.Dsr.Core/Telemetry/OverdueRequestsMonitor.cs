namespace Comintech.Dsr.Telemetry;

/// <summary>
/// Publishes the gauge <c>dsr.requests.overdue</c>: open requests whose legal due date has passed, counted from the
/// request store every <see cref="DsrTelemetryOptions.OverdueRefresh"/>.
/// </summary>
public sealed partial class OverdueRequestsMonitor(
    DsrStorage storage, TimeProvider clock, IMeterFactory meters, IOptions<DsrTelemetryOptions> options, ILogger<OverdueRequestsMonitor> logger)
    : BackgroundService
{
    private static readonly string[] OpenStatuses =
        [nameof(RequestStatus.Received), nameof(RequestStatus.AwaitingVerification), nameof(RequestStatus.InProgress)];

    private long overdue = -1;

    public async Task<long> CountOverdueAsync(CancellationToken cancellationToken)
    {
        var filter = $"{OwnRowKey.OfKind(RequestStore.Kind)} and {TableClient.CreateQueryFilter($"DueAt lt {clock.GetUtcNow()}")}";
        var count = 0L;
        await foreach (var row in storage.Requests.QueryAsync<TableEntity>(filter, select: ["Status"], cancellationToken: cancellationToken))
        {
            if (OpenStatuses.Contains(row.GetString("Status")))
            {
                count++;
            }
        }

        return count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var meter = meters.Create(DsrTelemetry.Name);
        meter.CreateObservableGauge(
            "dsr.requests.overdue",
            () => Interlocked.Read(ref overdue) is var value and >= 0 ? [new Measurement<long>(value)] : Array.Empty<Measurement<long>>(),
            "{request}",
            "Open requests past their legal due date.");

        using var timer = new PeriodicTimer(options.Value.OverdueRefresh, clock);
        do
        {
            try
            {
                Interlocked.Exchange(ref overdue, await CountOverdueAsync(stoppingToken));
            }
            catch (RequestFailedException ex)
            {
                LogCountFailed(logger, ex.Status, ex.ErrorCode);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Counting overdue requests failed: HTTP {Status} {ErrorCode}")]
    private static partial void LogCountFailed(ILogger logger, int status, string? errorCode);
}

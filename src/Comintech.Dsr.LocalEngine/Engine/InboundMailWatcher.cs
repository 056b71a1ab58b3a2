using Comintech.Dsr.Inbox;

namespace Comintech.Dsr.LocalEngine.Engine;

/// <summary>
/// The local stand-in for the Functions blob trigger: polls the <c>inbound-mail</c> container and hands each .eml to the
/// same handler. A blob is deleted once taken in (its copy is in <c>dsr-inbound-raw</c>); a failed one is tried again next pass.
/// </summary>
public sealed partial class InboundMailWatcher(
    DsrStorage storage, InboundBlobHandler handler, DurableTaskClient client, EngineOptions engine, ILogger<InboundMailWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(engine.InboxPollInterval);
        do
        {
            try
            {
                await foreach (var item in storage.InboundMail.GetBlobsAsync(cancellationToken: stoppingToken))
                {
                    await HandleAsync(item.Name, stoppingToken);
                }
            }
            catch (Azure.RequestFailedException ex)
            {
                LogListFailed(logger, ex.Status, ex.ErrorCode);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task HandleAsync(string name, CancellationToken stoppingToken)
    {
        try
        {
            await handler.HandleAsync(storage.InboundMail.GetBlobClient(name), client, stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogBlobFailed(logger, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listing inbound-mail failed: HTTP {Status} {ErrorCode}")]
    private static partial void LogListFailed(ILogger logger, int status, string? errorCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An inbound message failed ({ExceptionType}); it is tried again on the next pass")]
    private static partial void LogBlobFailed(ILogger logger, string exceptionType);
}

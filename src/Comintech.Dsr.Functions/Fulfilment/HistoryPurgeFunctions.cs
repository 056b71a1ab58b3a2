namespace Comintech.Dsr.Functions.Fulfilment;

/// <summary>Binds the history purge step (run by the retention schedule) to an activity trigger.</summary>
public sealed class HistoryPurgeFunctions(HistoryPurge purge)
{
    [Function(DsrActivityNames.PurgeHistory)]
    public Task<int> PurgeHistory([ActivityTrigger] string input, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        purge.PurgeAsync(client, cancellationToken);
}

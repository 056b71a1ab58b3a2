using Comintech.Dsr.Fulfilment;
using Comintech.Dsr.Recovery;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Comintech.Dsr.Functions.Fulfilment;

/// <summary>Binds the history purge (the eternal orchestration and its step) to the Functions triggers.</summary>
public sealed class HistoryPurgeFunctions(HistoryPurge purge)
{
    [Function(HistoryPurgeOrchestrator.Name)]
    public static Task<int> Run([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new HistoryPurgeOrchestrator().RunAsync(context, context.GetInput<TimeSpan>());

    [Function(DsrActivityNames.PurgeHistory)]
    public Task<int> PurgeHistory([ActivityTrigger] string input, [DurableClient] DurableTaskClient client, CancellationToken cancellationToken) =>
        purge.PurgeAsync(client, cancellationToken);
}

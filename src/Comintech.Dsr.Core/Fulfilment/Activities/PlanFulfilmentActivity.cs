using Comintech.Dsr.Connectors;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Storage;
using Microsoft.Extensions.Options;

namespace Comintech.Dsr.Fulfilment.Activities;

/// <summary>Reads the data map once (so the plan is fixed in history) and marks the request in progress.</summary>
public sealed class PlanFulfilmentActivity(RequestStore requests, IOptions<DataMapOptions> dataMap)
    : IDsrActivity<string, FulfilmentPlan>
{
    public async Task<FulfilmentPlan> RunAsync(string requestId, CancellationToken cancellationToken)
    {
        var request = await requests.GetAsync(requestId, cancellationToken);
        await requests.SetStatusAsync(requestId, RequestStatus.InProgress, cancellationToken);
        return new FulfilmentPlan(ConnectorActions.For(request.Type), [.. dataMap.Value.Stores.Select(Planned)]);
    }

    public static PlannedStore Planned(DataStoreDefinition store) =>
        new(store.Id, store.Retry.MaxAttempts, store.Retry.FirstRetryInterval, store.Retry.BackoffCoefficient, store.Waiting.ConfirmWithin, store.Waiting.RemindEvery);
}

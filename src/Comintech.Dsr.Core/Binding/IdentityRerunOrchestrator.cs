namespace Comintech.Dsr.Binding;

/// <summary>Input of <see cref="IdentityRerunOrchestrator"/>: ids, the action and the stores found by account. Nothing personal.</summary>
public sealed record IdentityRerunInput(string RequestId, string RunId, ConnectorAction Action, IReadOnlyList<PlannedStore> Stores);

public sealed record FinaliseIdentityRerunInput(string RequestId, string RunId, IReadOnlyList<ConnectorOutcome> Outcomes);

/// <summary>
/// An account bound after fulfilment (control-panel link, staff): the stores that find people by account id or login IP
/// run again under their own idempotency keys, then the person gets the updated package or certificate.
/// Instance id <c>&lt;requestId&gt;-identity-&lt;runId&gt;</c>.
/// </summary>
public sealed class IdentityRerunOrchestrator : TaskOrchestrator<IdentityRerunInput, bool>
{
    public const string Name = nameof(IdentityRerunOrchestrator);

    public static string InstanceIdFor(string requestId, string runId) => $"{requestId}-identity-{runId}";

    public override async Task<bool> RunAsync(TaskOrchestrationContext context, IdentityRerunInput input)
    {
        var rerun = "identity-" + input.RunId;
        var outcomes = await Task.WhenAll(input.Stores.Select(store =>
            DsrRequestOrchestrator.RunStoreAsync(context, input.RequestId, input.Action, store, rerun: rerun)));
        var retry = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(2), 2));
        return await context.CallActivityAsync<bool>(DsrActivityNames.FinaliseIdentityRerun, new FinaliseIdentityRerunInput(input.RequestId, input.RunId, outcomes), retry);
    }
}

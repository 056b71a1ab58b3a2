namespace Comintech.Dsr.Fulfilment.Rerun;

/// <summary>Input of <see cref="StoreRerunOrchestrator"/>: ids, the action and the store's retry policy. Nothing personal.</summary>
public sealed record StoreRerunInput(string RequestId, string RerunId, ConnectorAction Action, PlannedStore Store);

public sealed record RecordRerunInput(string RequestId, string RerunId, ConnectorOutcome Outcome);

/// <summary>
/// Runs one failed store of a finished request again (staff asked for it), without a new submission: the store action
/// with its retry policy, then the outcome into the evidence, and the request becomes Completed when no store is
/// failed any more. Instance id <c>&lt;requestId&gt;-rerun-&lt;rerunId&gt;</c>.
/// </summary>
public sealed class StoreRerunOrchestrator : TaskOrchestrator<StoreRerunInput, RequestStatus>
{
    public const string Name = nameof(StoreRerunOrchestrator);

    public static string InstanceIdFor(string requestId, string rerunId) => $"{requestId}-rerun-{rerunId}";

    public override async Task<RequestStatus> RunAsync(TaskOrchestrationContext context, StoreRerunInput input)
    {
        var outcome = await DsrRequestOrchestrator.RunStoreAsync(context, input.RequestId, input.Action, input.Store);
        return await context.CallActivityAsync<RequestStatus>(DsrActivityNames.RecordRerun, new RecordRerunInput(input.RequestId, input.RerunId, outcome), StepRetry.Transient);
    }
}

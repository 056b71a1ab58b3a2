namespace Comintech.Dsr.Functions.Fulfilment;

/// <summary>Binds the shared re-run of one failed store to the Functions orchestration trigger.</summary>
public static class StoreRerunOrchestratorFunction
{
    [Function(StoreRerunOrchestrator.Name)]
    public static Task<RequestStatus> Run([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new StoreRerunOrchestrator().RunAsync(context, context.GetInput<StoreRerunInput>()
            ?? throw new InvalidOperationException("The orchestration has no input."));
}

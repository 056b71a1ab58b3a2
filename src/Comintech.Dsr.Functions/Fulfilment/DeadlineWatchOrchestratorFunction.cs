namespace Comintech.Dsr.Functions.Fulfilment;

/// <summary>Binds the shared deadline watch to the Functions orchestration trigger.</summary>
public static class DeadlineWatchOrchestratorFunction
{
    [Function(DeadlineWatchOrchestrator.Name)]
    public static Task<string> Run([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new DeadlineWatchOrchestrator().RunAsync(context, context.GetInput<DeadlineWatchInput>()
            ?? throw new InvalidOperationException("The orchestration has no input."));
}

namespace Comintech.Dsr.Functions.Fulfilment;

/// <summary>Binds the shared orchestrator to the Functions orchestration trigger (no source generator here).</summary>
public static class DsrRequestOrchestratorFunction
{
    [Function(DsrRequestOrchestrator.Name)]
    public static Task<DsrOrchestrationResult> Run([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new DsrRequestOrchestrator().RunAsync(context, context.GetInput<DsrOrchestrationInput>()
            ?? throw new InvalidOperationException("The orchestration has no input."));
}

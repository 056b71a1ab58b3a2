namespace Comintech.Dsr.Functions.Fulfilment;

/// <summary>Binds the shared restore orchestrator to the Functions orchestration trigger.</summary>
public static class RestoredBackupOrchestratorFunction
{
    [Function(RestoredBackupOrchestrator.Name)]
    public static Task<RestoreResult> Run([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new RestoredBackupOrchestrator().RunAsync(context, context.GetInput<RestoreInput>()
            ?? throw new InvalidOperationException("The orchestration has no input."));
}

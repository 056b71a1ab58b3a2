namespace Comintech.Dsr.Functions.Identity;

/// <summary>Binds the shared re-run for a newly bound account, and its closing activity, to the Functions triggers.</summary>
public sealed class IdentityRerunOrchestratorFunction(FinaliseIdentityRerunActivity finalise)
{
    [Function(IdentityRerunOrchestrator.Name)]
    public static Task<bool> Run([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new IdentityRerunOrchestrator().RunAsync(context, context.GetInput<IdentityRerunInput>()
            ?? throw new InvalidOperationException("The orchestration has no input."));

    [Function(DsrActivityNames.FinaliseIdentityRerun)]
    public Task<bool> Finalise([ActivityTrigger] FinaliseIdentityRerunInput input, CancellationToken cancellationToken) =>
        finalise.RunAsync(input, cancellationToken);
}

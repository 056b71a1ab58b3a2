using Comintech.Dsr.Telemetry;

namespace Comintech.Dsr.Functions.Telemetry;

/// <summary>
/// Puts each activity-trigger invocation in the same <c>dsr.activity &lt;name&gt;</c> span the local engine opens
/// around its activities, so traces look alike on both hosts.
/// </summary>
public sealed class WorkflowActivitySpans : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (!context.FunctionDefinition.InputBindings.Values.Any(b => b.Type == "activityTrigger"))
        {
            await next(context);
            return;
        }

        using var span = DsrTelemetry.StartWorkflowActivity(context.FunctionDefinition.Name);
        try
        {
            await next(context);
        }
        catch (Exception ex)
        {
            DsrTelemetry.Failed(span, ex);
            throw;
        }
    }
}

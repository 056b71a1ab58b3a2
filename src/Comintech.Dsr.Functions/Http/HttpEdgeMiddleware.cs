using Comintech.Dsr.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Comintech.Dsr.Functions.Http;

/// <summary>
/// Runs every HTTP invocation through the shared edge (security headers, the per-IP limit, the staff routes' guard),
/// as the local engine's middleware does; a refusal becomes the invocation's result and the function is not called.
/// </summary>
public sealed class HttpEdgeMiddleware(HttpEdge edge) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is not { } http)
        {
            await next(context);
            return;
        }

        if (await edge.AdmitAsync(http) is { } refusal)
        {
            context.GetInvocationResult().Value = new ResultAction(refusal);
            return;
        }

        await next(context);
    }
}

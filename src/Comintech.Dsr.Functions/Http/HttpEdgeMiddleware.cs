namespace Comintech.Dsr.Functions.Http;

/// <summary>
/// Runs every HTTP invocation through the shared edge (security headers, the per-IP limit, the staff routes' guard)
/// and, on every <c>/api/staff</c> route, staff authentication (<see cref="StaffGate"/>), as the local engine's
/// middleware and route group do; a refusal becomes the invocation's result and the function is not called.
/// </summary>
public sealed class HttpEdgeMiddleware(HttpEdge edge, StaffAuthenticator authenticator) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (context.GetHttpContext() is not { } http)
        {
            await next(context);
            return;
        }

        var refusal = await edge.AdmitAsync(http)
            ?? (DsrRoute.IsStaffApi(http.Request.Path) ? StaffGate.Refusal(http, authenticator) : null);
        if (refusal is not null)
        {
            context.GetInvocationResult().Value = new ResultAction(refusal);
            return;
        }

        await next(context);
    }
}

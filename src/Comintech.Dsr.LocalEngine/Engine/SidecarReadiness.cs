using Grpc.Core;

namespace Comintech.Dsr.LocalEngine.Engine;

/// <summary>
/// The worker and client reach the engine's own gRPC sidecar through one channel. Its first connection can be refused
/// (the listener starts with the web host), after which the channel backs off and every call fails fast for a while;
/// <c>/healthz</c> answers 503 until the channel is connected, so nothing is sent to the engine before it can start a
/// workflow.
/// </summary>
public sealed class SidecarReadiness(GrpcChannel channel)
{
    public bool IsReady => channel.State == ConnectivityState.Ready;

    /// <summary>Connects once the web host listens (the worker's own retries also connect it).</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            await channel.ConnectAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>Answers <c>/healthz</c> with 503 while the sidecar is not connected.</summary>
    public Task GateAsync(HttpContext context, Func<Task> next)
    {
        if (!IsReady && context.Request.Path.StartsWithSegments("/healthz"))
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        }

        return next();
    }
}

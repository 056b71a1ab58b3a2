using Comintech.Dsr.Staff;

namespace Comintech.Dsr.LocalEngine.Engine;

/// <summary>The app's routes (<see cref="DsrRoutes"/>, the staff API behind <see cref="StaffGate"/>) and the Durable Task sidecar on its own port.</summary>
public static class EngineEndpoints
{
    public static WebApplication MapDsrEndpoints(this WebApplication app, int sidecarPort)
    {
        app.MapGrpcService<TaskHubGrpcServer>().RequireHost($"*:{sidecarPort}");
        app.MapDsrRoutes();
        return app;
    }
}

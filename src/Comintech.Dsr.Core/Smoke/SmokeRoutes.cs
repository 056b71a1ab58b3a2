namespace Comintech.Dsr.Smoke;

public static class SmokeRoutes
{
    public static IReadOnlyList<DsrRoute> All { get; } =
    [
        DsrRoute.Call<SmokeHttpHandlers>("POST", "/api/smoke/requests", "StartSmokeRequestFunction", "Start a post-deploy smoke request.", h => h.StartAsync),
        DsrRoute.Call<SmokeHttpHandlers>("POST", "/api/smoke/requests/{id}/verify", "VerifySmokeRequestFunction", "Confirm a smoke request without its code.", h => h.VerifyAsync),
    ];
}

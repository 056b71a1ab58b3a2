using Comintech.Dsr.Staff;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Comintech.Dsr.Http;

/// <summary>Staff authentication in front of every <c>/api/staff</c> route, before its handler runs: both hosts call it.</summary>
public static class StaffGate
{
    /// <returns>The 401 to answer, or null when the request carries valid staff credentials.</returns>
    public static IResult? Refusal(HttpContext context, StaffAuthenticator authenticator) =>
        authenticator.Authenticate(context.Request) is null ? StaffProblems.Unauthorized() : null;
}

public static class DsrRouteMapping
{
    /// <summary>Maps <see cref="DsrRoutes.All"/>; the staff API routes form one group behind <see cref="StaffGate"/>.</summary>
    public static IEndpointRouteBuilder MapDsrRoutes(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("").AddEndpointFilter(async (context, next) =>
            StaffGate.Refusal(context.HttpContext, context.HttpContext.RequestServices.GetRequiredService<StaffAuthenticator>())
            ?? await next(context));
        foreach (var route in DsrRoutes.All)
        {
            (route.Access == RouteAccess.Staff ? staff : app).MapMethods(route.Pattern, [route.Method], route.Handler);
        }

        return app;
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Comintech.Dsr.Hosting;

/// <summary>
/// The one list of the app's HTTP routes, composed from the rows each capability declares. The local engine maps it
/// (<see cref="MapDsrRoutes"/>); the Functions app's trigger classes, the OpenAPI description and the 401 test read it.
/// </summary>
public static class DsrRoutes
{
    public static IReadOnlyList<DsrRoute> All { get; } =
    [
        .. WebRoutes.All,
        new("GET", OpenApiDescription.Route, "OpenApiFunction", "This API's OpenAPI 3.1 description, made from the route table.",
            () => ServeOpenApi()),
        .. IntakeRoutes.All,
        .. RecipientRoutes.All,
        .. IdentityRoutes.All,
        .. AccessRoutes.All,
        .. PartnerRoutes.All,
        .. InboxRoutes.All,
        .. SmokeRoutes.All,
        .. StaffRoutes.All,
    ];

    private static readonly Lazy<byte[]> OpenApi = new(() => OpenApiDescription.Render(All, DsrRouteBodies.For));

    /// <summary>GET /api/openapi.json: the description of <see cref="All"/>.</summary>
    public static IResult ServeOpenApi() => OpenApiDescription.Serve(OpenApi.Value);

    /// <summary>Maps <see cref="All"/>; the staff API routes form one group behind <see cref="StaffGate"/>.</summary>
    public static IEndpointRouteBuilder MapDsrRoutes(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("").AddEndpointFilter(async (context, next) =>
            StaffGate.Refusal(context.HttpContext, context.HttpContext.RequestServices.GetRequiredService<StaffAuthenticator>())
            ?? await next(context));
        foreach (var route in All)
        {
            (route.Access == RouteAccess.Staff ? staff : app).MapMethods(route.Pattern, [route.Method], route.Handler);
        }

        return app;
    }
}

using Comintech.Dsr.Hosting;
using Comintech.Dsr.LocalEngine.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Comintech.Dsr.LocalEngine.Tests;

/// <summary>The routes the engine maps, read from its endpoint data source (the Functions app's are read from its build output).</summary>
public sealed class RouteTableTests
{
    private static readonly Type[] BoundByRoute = [typeof(string), typeof(HttpRequest), typeof(HttpContext), typeof(CancellationToken)];

    private static async Task<List<string>> EngineRoutesAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddGrpc();
        // The handlers' services, so the endpoints can be built; none is constructed.
        foreach (var type in DsrRoutes.All.SelectMany(r => r.Handler.Method.GetParameters()).Select(p => p.ParameterType).Distinct())
        {
            if (!BoundByRoute.Contains(type))
            {
                builder.Services.AddSingleton(type, _ => throw new NotSupportedException());
            }
        }

        await using var app = builder.Build();
        app.MapDsrEndpoints(sidecarPort: 1);
        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHostMetadata>() is null && e.Metadata.GetMetadata<HttpMethodMetadata>() is not null);
        return [.. endpoints.SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods
            .Select(method => $"{method} /{e.RoutePattern.RawText!.TrimStart('/')}"))];
    }

    [Fact]
    public async Task The_engine_maps_exactly_the_route_table()
    {
        var mapped = await EngineRoutesAsync();

        Assert.Equal(
            DsrRoutes.All.Select(r => $"{r.Method} {r.Pattern}").Order(StringComparer.Ordinal),
            mapped.Order(StringComparer.Ordinal));
    }
}

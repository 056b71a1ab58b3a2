namespace Comintech.Dsr.Functions.Web;

/// <summary>The pages' stylesheets and scripts, and the lists they show.</summary>
public sealed class WebFunctions(UiLists lists)
{
    /// <summary>GET /ui/{name}: a stylesheet or script of the form or the console.</summary>
    [Function("UiAssetFunction")]
    public IActionResult Asset([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ui/{name}")] HttpRequest request, string name) =>
        new ResultAction(WebAssets.Serve(name));

    /// <summary>GET /api/lists: request types, jurisdictions, languages, channels, statuses, correctable fields.</summary>
    [Function("UiListsFunction")]
    public IActionResult Lists([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/lists")] HttpRequest request) =>
        new ResultAction(lists.Get());

    /// <summary>GET /api/openapi.json: the API's OpenAPI description, made from the route table.</summary>
    [Function("OpenApiFunction")]
    public IActionResult OpenApi([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/openapi.json")] HttpRequest request) =>
        new ResultAction(DsrRoutes.ServeOpenApi());
}

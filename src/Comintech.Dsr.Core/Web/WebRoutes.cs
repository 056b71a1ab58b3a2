namespace Comintech.Dsr.Web;

/// <summary>The pages' routes: the form, its files and lists, and the engine's liveness probe.</summary>
public static class WebRoutes
{
    public static IReadOnlyList<DsrRoute> All { get; } =
    [
        new("GET", "/", "RequestFormFunction", "The request form (English, Spanish, Portuguese).",
            (HttpRequest http, UiLists lists) => RequestFormPage.Form(http, lists)),
        new("GET", WebAssets.Route, "UiAssetFunction", "A stylesheet or script of the pages.", (string name) => WebAssets.Serve(name)),
        new("GET", "/api/lists", "UiListsFunction", "Request types, jurisdictions, languages, channels, statuses, correctable fields.",
            (UiLists lists) => lists.Get()),
        new("GET", "/healthz", null, "The local engine is up.", () => Results.Ok(new { status = "ok" })),
    ];
}

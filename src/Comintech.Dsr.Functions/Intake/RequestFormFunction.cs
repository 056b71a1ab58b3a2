namespace Comintech.Dsr.Functions.Intake;

/// <summary>GET /: the public request form.</summary>
/// <remarks>
/// The Functions host replaces an empty route with the function's name, so the root is matched by an optional
/// parameter that must stay empty (the documented workaround); every e-mailed status and verification link opens it.
/// </remarks>
public sealed class RequestFormFunction(UiLists lists)
{
    [Function(nameof(RequestFormFunction))]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "{ignored:maxlength(0)?}")] HttpRequest request) =>
        new ResultAction(RequestFormPage.Form(request, lists));
}

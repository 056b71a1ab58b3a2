using Comintech.Dsr.Functions.Http;
using Comintech.Dsr.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Comintech.Dsr.Functions.Intake;

/// <summary>GET /: the public request form.</summary>
public sealed class RequestFormFunction
{
    [Function(nameof(RequestFormFunction))]
    public IActionResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "")] HttpRequest request) =>
        new ResultAction(RequestFormPage.Form());
}

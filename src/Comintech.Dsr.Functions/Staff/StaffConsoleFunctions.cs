namespace Comintech.Dsr.Functions.Staff;

/// <summary>The staff console's to-do list and downloads, one function per route, bound to <see cref="StaffConsoleHandlers"/>.</summary>
public sealed class StaffConsoleFunctions(StaffConsoleHandlers console)
{
    /// <summary>GET /api/staff/todo: what needs a person today.</summary>
    [Function("StaffTodoFunction")]
    public async Task<IActionResult> Todo([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/staff/todo")] HttpRequest request) =>
        new ResultAction(await console.TodoAsync(request));

    /// <summary>GET /api/staff/requests/{id}/certificate: the deletion certificate (HTML or JSON).</summary>
    [Function("StaffCertificateFunction")]
    public async Task<IActionResult> Certificate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/staff/requests/{id}/certificate")] HttpRequest request, string id) =>
        new ResultAction(await console.CertificateAsync(request, id));

    /// <summary>GET /api/staff/requests/{id}/package: the access package (zip).</summary>
    [Function("StaffPackageFunction")]
    public async Task<IActionResult> Package(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/staff/requests/{id}/package")] HttpRequest request, string id) =>
        new ResultAction(await console.PackageAsync(request, id));
}

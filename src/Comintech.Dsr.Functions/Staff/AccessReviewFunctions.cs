namespace Comintech.Dsr.Functions.Staff;

/// <summary>The staff review of access packages, one function per route, bound to <see cref="AccessReviewHandlers"/>.</summary>
public sealed class AccessReviewFunctions(AccessReviewHandlers review)
{
    /// <summary>GET /api/staff/requests/{id}/review: every item the package would send, with its key.</summary>
    [Function("GetAccessReviewFunction")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/staff/requests/{id}/review")] HttpRequest request,
        string id) =>
        new ResultAction(await review.GetAsync(request, id));

    /// <summary>POST /api/staff/requests/{id}/review/remove: withholds one item, with the reason given to the person.</summary>
    [Function("RemoveAccessReviewItemFunction")]
    public async Task<IActionResult> Remove(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/staff/requests/{id}/review/remove")] HttpRequest request,
        string id) =>
        new ResultAction(await review.RemoveAsync(request, id));

    /// <summary>POST /api/staff/requests/{id}/review/release: builds the package and sends its link.</summary>
    [Function("ReleaseAccessReviewFunction")]
    public async Task<IActionResult> Release(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/staff/requests/{id}/review/release")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client) =>
        new ResultAction(await review.ReleaseAsync(request, id, client));
}

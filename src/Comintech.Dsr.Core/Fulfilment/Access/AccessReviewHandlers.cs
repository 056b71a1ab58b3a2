namespace Comintech.Dsr.Fulfilment.Access;

/// <summary>
/// The staff review of an access package (stores with <c>ReviewAccess</c>): see every item that would go out, remove
/// items with a reason (the person is told the reason; the evidence holds the store and a keyed item reference), then release the link.
/// Each use is in the staff audit log.
/// </summary>
public sealed class AccessReviewHandlers(
    StaffAuthenticator authenticator,
    RequestStore requests,
    AccessReviews reviews,
    AccessPackages packages,
    EvidenceLedger evidence,
    StaffAuditLog audit,
    IOptions<DataMapOptions> dataMap)
{
    public const string ViewAction = "view-access-review";
    public const string RemoveAction = "access-review-remove";
    public const string ReleaseAction = "access-review-release";

    /// <summary>GET /api/staff/requests/{id}/review: the package's items per store, each with its key and whether it was removed.</summary>
    public async Task<IResult> GetAsync(HttpRequest http, string requestId)
    {
        var (staff, review, failure) = await OpenAsync(http, requestId);
        if (failure is not null)
        {
            return failure;
        }

        var cancellationToken = http.HttpContext.RequestAborted;
        var removed = (await reviews.RemovalsAsync(requestId, cancellationToken)).ToDictionary(r => (r.StoreId, r.ItemKey), r => r.Reason);
        var stores = new List<ReviewStore>();
        foreach (var outcome in review!.Outcomes)
        {
            var records = await packages.RecordsAsync(outcome, cancellationToken);
            stores.Add(new ReviewStore(
                outcome.StoreId, dataMap.Value.Get(outcome.StoreId).Name, outcome.Kind.ToString(), outcome.Note,
                [.. records.Select(r => Item(outcome.StoreId, r, removed))]));
        }

        await audit.AppendAsync(staff!, ViewAction, requestId, null, cancellationToken);
        return Results.Ok(new ReviewView(requestId, review.Released, stores));
    }

    /// <summary>POST /api/staff/requests/{id}/review/remove with <c>{storeId, item, reason}</c>: takes one item out, with the reason the person is given.</summary>
    public async Task<IResult> RemoveAsync(HttpRequest http, string requestId)
    {
        var (staff, review, failure) = await OpenAsync(http, requestId);
        if (failure is not null)
        {
            return failure;
        }

        var (body, bodyFailure) = await RequestBodies.ReadAsync<WithholdItemBody>(http);
        if (bodyFailure is not null)
        {
            return bodyFailure;
        }

        var (storeId, item, reason) = body!;
        if (review!.Released)
        {
            return StaffProblems.Conflict("Released", "The package was released already; nothing can be removed from it now.");
        }

        var cancellationToken = http.HttpContext.RequestAborted;
        var outcome = review.Outcomes.FirstOrDefault(o => o.StoreId == storeId);
        var records = outcome is null ? [] : await packages.RecordsAsync(outcome, cancellationToken);
        if (!records.Any(r => AccessReviews.ItemKey(storeId, r) == item))
        {
            return Problems.Status(StatusCodes.Status404NotFound, "Unknown item", "No item of this package has this store and key.");
        }

        var first = await reviews.RemoveAsync(requestId, new WithheldItem(storeId, item, reason, staff!.Name), cancellationToken);
        if (first)
        {
            await audit.AppendAsync(staff, RemoveAction, requestId, $"{storeId}/{item}: {reason}", cancellationToken);
        }

        var itemRef = reviews.EvidenceRef(storeId, item);
        await evidence.AppendAsync(
            requestId, AccessReviewItemRemoved.Key(storeId, itemRef), new AccessReviewItemRemoved(storeId, itemRef), staff.Actor, cancellationToken);
        return Results.Ok(new ReviewActionResponse(requestId, first ? "removed" : "already-removed"));
    }

    /// <summary>POST /api/staff/requests/{id}/review/release: the package is built without the removed items and its link is sent.</summary>
    public async Task<IResult> ReleaseAsync(HttpRequest http, string requestId, DurableTaskClient client)
    {
        var (staff, review, failure) = await OpenAsync(http, requestId);
        if (failure is not null)
        {
            return failure;
        }

        var cancellationToken = http.HttpContext.RequestAborted;
        var removed = (await reviews.RemovalsAsync(requestId, cancellationToken)).Count;
        var first = !review!.Released && await reviews.ReleaseAsync(requestId, staff!.Name, cancellationToken);
        if (first)
        {
            await audit.AppendAsync(staff!, ReleaseAction, requestId, null, cancellationToken);
        }

        // Evidence and event again on a repeat: a release cut short after its row was written still reaches the workflow
        // (the evidence link is keyed; the workflow waits for one release and ignores any later one).
        await evidence.AppendAsync(requestId, AccessReviewReleased.Key, new AccessReviewReleased(removed), staff!.Actor, cancellationToken);
        if (first || await client.GetInstanceAsync(requestId, cancellationToken) is { IsRunning: true })
        {
            await client.RaiseEventAsync(requestId, DsrEvents.AccessReviewReleased, removed, cancellationToken);
        }

        return first ? Results.Accepted(value: new ReviewActionResponse(requestId, "released")) : Results.Ok(new ReviewActionResponse(requestId, "already-released"));
    }

    private async Task<(StaffPrincipal? Staff, AccessReview? Review, IResult? Failure)> OpenAsync(HttpRequest http, string requestId)
    {
        var access = await authenticator.AuthenticateForRequestAsync(requests, http, requestId);
        if (access.Denied)
        {
            return (null, null, access.Failure);
        }

        var review = await reviews.FindAsync(requestId, http.HttpContext.RequestAborted);
        return review is null
            ? (access.Staff, null, Problems.Status(StatusCodes.Status404NotFound, "No review", "This request has no access package waiting for review."))
            : (access.Staff, review, null);
    }

    private static ReviewItem Item(string storeId, JsonNode? record, Dictionary<(string, string), string> removed)
    {
        var key = AccessReviews.ItemKey(storeId, record);
        return new ReviewItem(key, record?.DeepClone(), removed.GetValueOrDefault((storeId, key)));
    }
}

public sealed record ReviewView(string RequestId, bool Released, IReadOnlyList<ReviewStore> Stores);

public sealed record ReviewStore(string StoreId, string StoreName, string Outcome, string? Note, IReadOnlyList<ReviewItem> Items);

/// <param name="RemovedReason">Null while the item goes out; the reason once staff removed it.</param>
public sealed record ReviewItem(string Key, JsonNode? Record, string? RemovedReason);

public sealed record ReviewActionResponse(string RequestId, string Status);

/// <summary>The body of POST /api/staff/requests/{id}/review/remove: <c>{storeId, item, reason}</c>; the reason is what the person reads.</summary>
public sealed record WithholdItemBody(string StoreId, string Item, string Reason) : IRequestBody<WithholdItemBody>
{
    public const int MaxReasonLength = 2000;

    public static WithholdItemBody? Read(BodyFields fields, Dictionary<string, List<string>> errors)
    {
        var storeId = fields.Id("storeId", errors);
        var item = fields.Id("item", errors);
        var reason = fields.Text("reason", errors);
        if (reason is null || reason.Length > MaxReasonLength)
        {
            errors["reason"] = [$"Required: why the item is withheld, as the person will read it (at most {MaxReasonLength} characters)."];
        }

        return errors.Count > 0 ? null : new WithholdItemBody(storeId!, item!, reason!);
    }
}

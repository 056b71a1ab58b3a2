namespace Comintech.Dsr.Fulfilment.Access;

/// <summary>The access package: the person's signed download, and the staff review of a held package.</summary>
public static class AccessRoutes
{
    public static IReadOnlyList<DsrRoute> All { get; } =
    [
        DsrRoute.Call<AccessPackageHttpHandlers>("GET", "/api/requests/{id}/package", "AccessPackageFunction", "The access package behind the signed link.", h => h.DownloadAsync),
        DsrRoute.Call<AccessReviewHandlers>("GET", "/api/staff/requests/{id}/review", "GetAccessReviewFunction", "An access package held for staff review.", h => h.GetAsync),
        DsrRoute.Call<AccessReviewHandlers>("POST", "/api/staff/requests/{id}/review/remove", "RemoveAccessReviewItemFunction", "Remove an item from the held package, with a reason.", h => h.RemoveAsync),
        DsrRoute.Call<AccessReviewHandlers>("POST", "/api/staff/requests/{id}/review/release", "ReleaseAccessReviewFunction", "Release the reviewed package to the person.", h => h.ReleaseAsync),
    ];
}

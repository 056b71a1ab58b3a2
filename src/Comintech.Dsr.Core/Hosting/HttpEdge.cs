namespace Comintech.Dsr.Hosting;

/// <summary>
/// What every request passes before a route handler, on both hosts: the security headers, the per-IP limit and the
/// staff routes' guard. The local engine runs the limit through ASP.NET Core's rate-limiting middleware, the Functions
/// app through its worker middleware; both use <see cref="Limiter"/>.
/// </summary>
public sealed class HttpEdge(IOptions<LimitsOptions> limits, IOptions<PublicUrlOptions> site, IConfiguration configuration)
{
    public bool Azure { get; } = HostingMode.IsAzure(configuration);

    public System.Threading.RateLimiting.PartitionedRateLimiter<HttpContext> Limiter { get; } =
        ClientRateLimits.Create(limits.Value, HostingMode.IsAzure(configuration));

    public void ApplyHeaders(HttpContext context) => SecurityHeaders.Apply(context, Azure);

    /// <returns>The answer that replaces the route's (415, 403), or null to go on.</returns>
    public IResult? GuardStaffPost(HttpContext context) => StaffRequestGuard.Refusal(context.Request, site.Value.PublicBaseUrl);

    /// <summary>Headers, limit and guard in one step, for a host without middleware of its own.</summary>
    /// <returns>The answer that replaces the route's (429, 415, 403), or null to go on.</returns>
    public async Task<IResult?> AdmitAsync(HttpContext context)
    {
        ApplyHeaders(context);
        using var lease = await Limiter.AcquireAsync(context, 1, context.RequestAborted);
        return lease.IsAcquired ? GuardStaffPost(context) : ClientRateLimits.Rejection(lease);
    }
}

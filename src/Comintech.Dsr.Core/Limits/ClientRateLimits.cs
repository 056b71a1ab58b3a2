using System.Threading.RateLimiting;

namespace Comintech.Dsr.Limits;

/// <summary>
/// Per client IP limits, held in process (one fixed window per IP and kind: POSTs, everything else). Both hosts use
/// this limiter: the local engine through ASP.NET Core's rate-limiting middleware, the Functions app through its worker
/// middleware. Behind a scaled-out app each instance counts alone; the per-address limits and the front end's rate rules
/// (see README) hold across instances.
/// </summary>
public static class ClientRateLimits
{
    public static PartitionedRateLimiter<HttpContext> Create(LimitsOptions options, bool azure)
    {
        var header = options.ClientIpHeader is { Length: > 0 } configured ? configured : azure ? "X-Forwarded-For" : null;
        return PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (context.Request.Path.StartsWithSegments("/healthz"))
            {
                return RateLimitPartition.GetNoLimiter("health");
            }

            var write = !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method);
            return RateLimitPartition.GetFixedWindowLimiter(
                (write ? "w|" : "r|") + ClientIp(context, header),
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = write ? options.PerIpWrites : options.PerIpReads,
                    Window = options.PerIpWindow,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
        });
    }

    /// <summary>The 429 answer: a problem body and <c>Retry-After</c> in seconds.</summary>
    public static IResult Rejection(RateLimitLease lease) => Problems.TooMany(
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1),
        "Too many requests",
        "Too many requests from this address; try again in {seconds} seconds.");

    /// <summary>The client's address: the last entry of the front end's header (the one it added), else the connection's.</summary>
    public static string ClientIp(HttpContext context, string? header)
    {
        if (header is not null && context.Request.Headers[header].ToString() is { Length: > 0 } value)
        {
            var last = value.Split(',')[^1].Trim();
            if (IPEndPoint.TryParse(last, out var endpoint))
            {
                return endpoint.Address.ToString();
            }
        }

        return context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
    }
}

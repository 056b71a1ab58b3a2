namespace Comintech.Dsr.Http;

/// <summary>Who may call a route; it follows from the path (see <see cref="DsrRoute.Access"/>).</summary>
public enum RouteAccess
{
    /// <summary>Anyone: the form, the pages' files, the person's own request (by its unguessable id).</summary>
    Public,

    /// <summary>Staff credentials: every route under <c>/api/staff/</c>.</summary>
    Staff,

    /// <summary>A partner's or a Client's HMAC signature, or its signed link.</summary>
    Partner,

    /// <summary>The smoke test's key.</summary>
    Smoke,

    /// <summary>The SendGrid webhook's key.</summary>
    Inbox,
}

/// <summary>
/// One HTTP route of the app: what the local engine maps, what the Functions app binds (<see cref="FunctionName"/>), what
/// the OpenAPI description lists. Each capability declares its own rows (e.g. <c>Staff/StaffRoutes</c>); the composition
/// root puts them into the one table both hosts read.
/// </summary>
/// <param name="FunctionName">The Functions app's function for it; null for a route only the local engine serves.</param>
public sealed partial record DsrRoute(string Method, string Pattern, string? FunctionName, string Summary, Delegate Handler)
{
    public const string StaffApiPrefix = "/api/staff";

    public RouteAccess Access => Pattern switch
    {
        _ when IsStaffApi(Pattern) => RouteAccess.Staff,
        _ when Pattern.StartsWith("/api/partners/", StringComparison.Ordinal) || Pattern.StartsWith("/api/clients/", StringComparison.Ordinal) => RouteAccess.Partner,
        _ when Pattern.StartsWith("/api/smoke/", StringComparison.Ordinal) => RouteAccess.Smoke,
        _ when Pattern.StartsWith("/api/inbound/", StringComparison.Ordinal) => RouteAccess.Inbox,
        _ => RouteAccess.Public,
    };

    /// <summary>The route as the Functions host spells it: no leading slash, and the root as an optional empty parameter.</summary>
    public string FunctionRoute => Pattern == "/" ? "{ignored:maxlength(0)?}" : Pattern.TrimStart('/');

    /// <summary>Every path under <c>/api/staff</c> needs staff credentials, on both hosts, before any handler runs.</summary>
    public static bool IsStaffApi(PathString path) => path.StartsWithSegments(StaffApiPrefix, StringComparison.OrdinalIgnoreCase);

    // Rows as data: the handler class's method is named, the pattern's {values} are handed to it in order.
    public static DsrRoute Call<THandlers>(string method, string pattern, string? function, string summary, Func<THandlers, Func<HttpRequest, Task<IResult>>> pick) =>
        new(method, pattern, function, summary, (HttpRequest http, THandlers handlers) => pick(handlers)(http));

    public static DsrRoute Call<THandlers>(string method, string pattern, string? function, string summary, Func<THandlers, Func<HttpRequest, DurableTaskClient, Task<IResult>>> pick) =>
        new(method, pattern, function, summary, (HttpRequest http, THandlers handlers, DurableTaskClient client) => pick(handlers)(http, client));

    public static DsrRoute Call<THandlers>(string method, string pattern, string? function, string summary, Func<THandlers, Func<HttpRequest, string, Task<IResult>>> pick)
    {
        var names = Values(pattern, 1);
        return new(method, pattern, function, summary, (HttpRequest http, THandlers handlers) => pick(handlers)(http, Value(http, names[0])));
    }

    public static DsrRoute Call<THandlers>(string method, string pattern, string? function, string summary, Func<THandlers, Func<HttpRequest, string, DurableTaskClient, Task<IResult>>> pick)
    {
        var names = Values(pattern, 1);
        return new(method, pattern, function, summary,
            (HttpRequest http, THandlers handlers, DurableTaskClient client) => pick(handlers)(http, Value(http, names[0]), client));
    }

    public static DsrRoute Call<THandlers>(string method, string pattern, string? function, string summary, Func<THandlers, Func<HttpRequest, string, string, DurableTaskClient, Task<IResult>>> pick)
    {
        var names = Values(pattern, 2);
        return new(method, pattern, function, summary,
            (HttpRequest http, THandlers handlers, DurableTaskClient client) => pick(handlers)(http, Value(http, names[0]), Value(http, names[1]), client));
    }

    private static string[] Values(string pattern, int count)
    {
        var names = RouteValue().Matches(pattern).Select(m => m.Groups[1].Value).ToArray();
        return names.Length == count ? names : throw new ArgumentException($"{pattern} has {names.Length} route values; the handler takes {count}.", nameof(pattern));
    }

    private static string Value(HttpRequest http, string name) => http.RouteValues[name] as string ?? "";

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex RouteValue();
}

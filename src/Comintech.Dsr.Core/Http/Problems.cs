namespace Comintech.Dsr.Http;

/// <summary>RFC 7807 answers used by the public routes.</summary>
public static class Problems
{
    public static IResult Status(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);

    public static IResult Validation(Dictionary<string, List<string>> errors) =>
        Results.ValidationProblem(
            errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
            detail: $"Fix these fields: {string.Join(", ", errors.Keys.Order(StringComparer.Ordinal))}.",
            title: "The request has invalid fields.");

    /// <summary>The answer to a use case's typed failure.</summary>
    public static IResult For(UseCaseFailure failure) => failure switch
    {
        { Kind: FailureKind.Invalid } => Results.ValidationProblem(
            failure.Errors?.ToDictionary(e => e.Key, e => e.Value) ?? [], detail: failure.Detail, title: failure.Title),
        { Kind: FailureKind.TooMany, RetryAfter: { } retryAfter } => TooMany(retryAfter, failure.Title, failure.Detail),
        _ => Status(StatusOf(failure.Kind), failure.Title, failure.Detail, failure.Extensions?.ToDictionary(e => e.Key, e => e.Value)),
    };

    /// <summary>The use case's value mapped by <paramref name="success"/>, or the problem its failure is answered with.</summary>
    public static IResult ToHttp<T>(this UseCaseResult<T> result, Func<T, IResult> success) =>
        result.Failure is { } failure ? For(failure) : success(result.Value!);

    public static IResult UnsupportedMediaType() =>
        Status(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type", "Send application/json or application/x-www-form-urlencoded.");

    public static IResult TooLarge() =>
        Status(StatusCodes.Status413PayloadTooLarge, "Body too large", $"The body may be at most {BoundedBody.MaxBytes / 1024} KB.");

    /// <summary>429 with <c>Retry-After</c> (whole seconds, at least one) and <c>retryAfterSeconds</c> in the body.</summary>
    public static IResult TooMany(TimeSpan retryAfter, string title, string detail)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        return new RetryAfterResult(seconds, Status(
            StatusCodes.Status429TooManyRequests, title, detail.Replace("{seconds}", seconds.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
            new Dictionary<string, object?> { ["retryAfterSeconds"] = seconds }));
    }

    public static IResult UnknownRequest() =>
        Status(StatusCodes.Status404NotFound, "Unknown request", "No request has this id.");

    private static int StatusOf(FailureKind kind) => kind switch
    {
        FailureKind.NotFound => StatusCodes.Status404NotFound,
        FailureKind.Conflict => StatusCodes.Status409Conflict,
        FailureKind.Gone => StatusCodes.Status410Gone,
        FailureKind.Locked => StatusCodes.Status423Locked,
        FailureKind.TooMany => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status400BadRequest,
    };

    private sealed class RetryAfterResult(int seconds, IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            return inner.ExecuteAsync(httpContext);
        }
    }
}

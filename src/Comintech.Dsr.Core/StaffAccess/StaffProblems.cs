namespace Comintech.Dsr.StaffAccess;

public static class StaffProblems
{
    public static IResult Unauthorized() => new ChallengeResult(Problems.Status(
        StatusCodes.Status401Unauthorized,
        "Sign-in required",
        $"Staff routes need the {StaffAuthenticator.ApiKeyHeader} header, or a signed-in user with the {StaffAuthenticator.StaffRole} role."));

    public static IResult Conflict(string title, string detail) => Problems.Status(StatusCodes.Status409Conflict, title, detail);

    private sealed class ChallengeResult(IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.WWWAuthenticate = "ApiKey header=\"" + StaffAuthenticator.ApiKeyHeader + "\"";
            return inner.ExecuteAsync(httpContext);
        }
    }
}

using System.Diagnostics.CodeAnalysis;

namespace Comintech.Dsr.StaffAccess;

/// <summary>Who is asking about which request; <see cref="Failure"/> is the 401 or 404 to answer instead.</summary>
public sealed record StaffRequestAccess(StaffPrincipal? Staff, DsrRequest? Request, IResult? Failure)
{
    [MemberNotNullWhen(true, nameof(Failure))]
    [MemberNotNullWhen(false, nameof(Staff), nameof(Request))]
    public bool Denied => Failure is not null;
}

public static class StaffRequestAccessExtensions
{
    /// <summary>The first step of every staff route about one request: who is asking (401 if no one), and which request (404).</summary>
    public static async Task<StaffRequestAccess> AuthenticateForRequestAsync(
        this StaffAuthenticator authenticator, RequestStore requests, HttpRequest http, string requestId)
    {
        var staff = authenticator.Authenticate(http);
        if (staff is null)
        {
            return new StaffRequestAccess(null, null, StaffProblems.Unauthorized());
        }

        var request = await requests.FindAsync(requestId, http.HttpContext.RequestAborted);
        return new StaffRequestAccess(staff, request, request is null ? Problems.UnknownRequest() : null);
    }
}

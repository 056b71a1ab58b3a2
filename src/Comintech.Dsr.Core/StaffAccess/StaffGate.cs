namespace Comintech.Dsr.StaffAccess;

/// <summary>Staff authentication in front of every <c>/api/staff</c> route, before its handler runs: both hosts call it.</summary>
public static class StaffGate
{
    /// <returns>The 401 to answer, or null when the request carries valid staff credentials.</returns>
    public static IResult? Refusal(HttpContext context, StaffAuthenticator authenticator) =>
        authenticator.Authenticate(context.Request) is null ? StaffProblems.Unauthorized() : null;
}

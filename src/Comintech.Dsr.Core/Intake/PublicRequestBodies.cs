namespace Comintech.Dsr.Intake;

/// <summary>The request a public route names (an alias read as its request) and the typed body posted for it.</summary>
public static class PublicRequestBodies
{
    /// <returns>A 404 before the body is read when no request has that id; else the body, or the body's failure.</returns>
    public static async Task<(DsrRequest? Request, T? Body, IResult? Failure)> FindWithBodyAsync<T>(this SubmissionGate gate, HttpRequest http, string requestId)
        where T : class, IRequestBody<T>
    {
        var request = await gate.FindAsync(requestId, http.HttpContext.RequestAborted);
        if (request is null)
        {
            return (null, null, Problems.UnknownRequest());
        }

        var (body, failure) = await RequestBodies.ReadAsync<T>(http);
        return (request, body, failure);
    }
}

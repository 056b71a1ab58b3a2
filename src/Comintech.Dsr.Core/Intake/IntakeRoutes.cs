namespace Comintech.Dsr.Intake;

/// <summary>The person's routes for a request: submit it, read its status, confirm it with the code, ask for a new code.</summary>
public static class IntakeRoutes
{
    public static IReadOnlyList<DsrRoute> All { get; } =
    [
        DsrRoute.Call<RequestHttpHandlers>("POST", "/api/requests", "SubmitRequestFunction", "Submit a request (JSON or the form's fields).", h => h.SubmitAsync),
        new("GET", "/api/requests/{id}", "GetRequestStatusFunction", "A request's status, stage, dates and per-store progress.",
            (string id, RequestHttpHandlers handlers, DurableTaskClient client, CancellationToken ct) => handlers.StatusAsync(id, client, ct)),
        DsrRoute.Call<RequestHttpHandlers>("POST", "/api/requests/{id}/verify", "VerifyIdentityFunction", "Confirm the request with the e-mailed code.", h => h.VerifyAsync),
        new("POST", "/api/requests/{id}/resend", "ResendCodeFunction", "Send a new code.",
            (string id, RequestHttpHandlers handlers, DurableTaskClient client, CancellationToken ct) => handlers.ResendAsync(id, client, ct)),
    ];
}

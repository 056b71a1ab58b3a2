namespace Comintech.Dsr.Recipients;

public static class RecipientRoutes
{
    public static IReadOnlyList<DsrRoute> All { get; } =
    [
        new("GET", "/api/requests/{id}/recipients", "RecipientListFunction", "The recipients the person's data was disclosed to (GDPR Art. 19).",
            (string id, RecipientListHandler handler, CancellationToken ct) => handler.ListAsync(id, ct)),
    ];
}

namespace Comintech.Dsr.Staff;

/// <summary>
/// The request log CCPA regulations §7101 require keeping for 24 months: date, type, channel, the response's date
/// and outcome, and the basis for a denial. No identifiers of the person.
/// </summary>
public static class RequestLogCsv
{
    public const int RetentionMonths = 24;

    public static readonly string[] Columns =
        ["RequestId", "ReceivedDate", "Type", "Channel", "Jurisdiction", "Status", "Outcome", "ResponseDate", "DueDate", "Extended", "DenialReason"];

    private static readonly HashSet<int> RequestIdColumn = [0];

    /// <summary>The log as CSV; every cell but the request id is defused (<see cref="SafeCsv"/>).</summary>
    public static string Write(IEnumerable<DsrRequest> requests, DateTimeOffset now)
    {
        var since = now.AddMonths(-RetentionMonths);
        return SafeCsv.Write(Columns, requests.Where(r => r.ReceivedAt >= since).OrderBy(r => r.ReceivedAt).Select(r => new[]
        {
            r.Id,
            Date(r.ReceivedAt),
            r.Type.ToWire(),
            r.Channel.ToString(),
            r.Jurisdiction.ToString(),
            r.Status.ToString(),
            Outcome(r.Status),
            r.ClosedAt is { } closed ? Date(closed) : "",
            Date(r.DueAt),
            r.ExtendedAt is null ? "no" : "yes",
            r.Status == RequestStatus.Denied ? r.DenialReason ?? "" : r.Status == RequestStatus.IdentityNotVerified ? "identity not verified" : "",
        }), RequestIdColumn);
    }

    public static string Outcome(RequestStatus status) => status switch
    {
        RequestStatus.Completed => "complied",
        RequestStatus.CompletedWithExceptions => "complied in part",
        RequestStatus.Denied or RequestStatus.IdentityNotVerified => "denied",
        _ => "pending",
    };

    private static string Date(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

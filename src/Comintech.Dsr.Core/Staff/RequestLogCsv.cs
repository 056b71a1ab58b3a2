using System.Globalization;
using System.Text;
using Comintech.Dsr.Domain;

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

    public static string Write(IEnumerable<DsrRequest> requests, DateTimeOffset now)
    {
        var since = now.AddMonths(-RetentionMonths);
        var csv = new StringBuilder().AppendJoin(',', Columns).Append("\r\n");
        foreach (var r in requests.Where(r => r.ReceivedAt >= since).OrderBy(r => r.ReceivedAt))
        {
            string[] cells =
            [
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
                Defused(r.Status == RequestStatus.Denied ? r.DenialReason ?? "" : r.Status == RequestStatus.IdentityNotVerified ? "identity not verified" : ""),
            ];
            csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        }

        return csv.ToString();
    }

    public static string Outcome(RequestStatus status) => status switch
    {
        RequestStatus.Completed => "complied",
        RequestStatus.CompletedWithExceptions => "complied in part",
        RequestStatus.Denied or RequestStatus.IdentityNotVerified => "denied",
        _ => "pending",
    };

    private static string Date(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Free text staff typed: a leading = + - @ is defused so a spreadsheet never runs the cell as a formula.</summary>
    private static string Defused(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    /// <summary>RFC 4180 quoting.</summary>
    private static string Cell(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}

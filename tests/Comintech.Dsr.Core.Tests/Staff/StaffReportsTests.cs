using System.Globalization;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Staff;
using Microsoft.AspNetCore.Http;

namespace Comintech.Dsr.Core.Tests.Staff;

/// <summary>The CSV request log, the metrics and the list filters, on requests built in memory.</summary>
public class StaffReportsTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-29T12:00:00Z", CultureInfo.InvariantCulture);

    private static DsrRequest Request(
        RequestType type, RequestStatus status, int receivedDaysAgo, double? closedAfterDays = null, string? denial = null, string name = "Ada Lovelace") =>
        // An id may start with '-': the log must not mistake it for a formula.
        new(
            "-" + RequestId.New()[1..], type, IntakeChannel.Web, Jurisdiction.GDPR, "en", Now.AddDays(-receivedDaysAgo), Now.AddDays(30 - receivedDaysAgo), status,
            new DataSubject("ada@example.com", name, null), null, new Dictionary<string, string>())
        {
            ClosedAt = closedAfterDays is null ? null : Now.AddDays(-receivedDaysAgo + closedAfterDays.Value),
            DenialReason = denial,
        };

    [Fact]
    public void The_request_log_has_the_ccpa_columns_and_no_identifiers()
    {
        var denied = Request(RequestType.Deletion, RequestStatus.Denied, 10, 2, "=HYPERLINK(\"x\"), legal hold");
        var csv = RequestLogCsv.Write([denied, Request(RequestType.Access, RequestStatus.Completed, 20, 5)], Now);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("RequestId,ReceivedDate,Type,Channel,Jurisdiction,Status,Outcome,ResponseDate,DueDate,Extended,DenialReason", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith($"{denied.Id},2026-11-19,deletion,Web,GDPR,Denied,denied,2026-11-21,2026-12-19,no,", lines[2], StringComparison.Ordinal);
        Assert.EndsWith("\"'=HYPERLINK(\"\"x\"\"), legal hold\"", lines[2], StringComparison.Ordinal);
        Assert.Contains(",complied,", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("ada@example.com", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Lovelace", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void The_request_log_keeps_24_months()
    {
        var csv = RequestLogCsv.Write([Request(RequestType.Access, RequestStatus.Completed, 700), Request(RequestType.Access, RequestStatus.Completed, 800)], Now);

        Assert.Equal(2, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Metrics_count_outcomes_and_the_median_days_per_type()
    {
        var report = StaffMetrics.Compute(
            [
                Request(RequestType.Deletion, RequestStatus.Completed, 40, 3),
                Request(RequestType.Deletion, RequestStatus.CompletedWithExceptions, 40, 10),
                Request(RequestType.Deletion, RequestStatus.Denied, 40, 4),
                Request(RequestType.Deletion, RequestStatus.IdentityNotVerified, 40, 7),
                Request(RequestType.Deletion, RequestStatus.InProgress, 5),
                Request(RequestType.Access, RequestStatus.Completed, 40, 2),
            ],
            year: null);

        var deletion = Assert.Single(report.Types, t => t.Type == "deletion");
        Assert.Equal(new TypeMetrics("deletion", 5, 1, 1, 2, 1, 5.5), deletion);
        Assert.Equal(2, report.Types.Single(t => t.Type == "access").MedianDaysToComplete);
        Assert.Null(report.Types.Single(t => t.Type == "correction").MedianDaysToComplete);
    }

    [Fact]
    public void Metrics_are_split_per_law_and_a_partial_refusal_counts_as_complied_in_part()
    {
        var r = Request(RequestType.SaleSharingOptOut, RequestStatus.Completed, 40, 1);
        var californian = new DsrRequest(r.Id, r.Type, r.Channel, Jurisdiction.CCPA, r.Language, r.ReceivedAt, r.DueAt, r.Status, r.Subject, null, r.Corrections)
        {
            ClosedAt = r.ClosedAt,
        };
        var partlyRefused = Request(RequestType.Deletion, RequestStatus.Completed, 40, 3) with { RefusedStores = new Dictionary<string, string> { ["tickets"] = "Fraud case" } };

        var report = StaffMetrics.Compute([californian, partlyRefused, Request(RequestType.Deletion, RequestStatus.Completed, 40, 2)], year: null);

        var ccpa = Assert.Single(report.ByLaw, l => l.Law == "CCPA");
        var gdpr = Assert.Single(report.ByLaw, l => l.Law == "GDPR");
        Assert.Equal(new TypeMetrics("donotsell", 1, 1, 0, 0, 0, 1), ccpa.Types.Single(t => t.Type == "donotsell"));
        Assert.Equal(0, ccpa.Types.Single(t => t.Type == "deletion").Received);
        Assert.Equal(new TypeMetrics("deletion", 2, 1, 1, 0, 0, 2.5), gdpr.Types.Single(t => t.Type == "deletion"));
        Assert.Equal(3, report.Types.Sum(t => t.Received));
    }

    [Theory]
    [InlineData("status=awaitingapproval", 1)]
    [InlineData("type=deletion", 2)]
    [InlineData("overdue=true", 1)]
    [InlineData("dueWithinDays=12", 2)]
    [InlineData("q=tables", 1)]
    [InlineData("q=TABLES&type=access", 0)]
    [InlineData("status=NeedsTriage", 0)]
    public void Filters_combine(string queryString, int expected)
    {
        var requests = new[]
        {
            Request(RequestType.Deletion, RequestStatus.AwaitingApproval, 25, name: "Robert <script>alert(1)</script> Tables"), // due in 5 days
            Request(RequestType.Deletion, RequestStatus.InProgress, 40), // overdue
            Request(RequestType.Access, RequestStatus.Completed, 29, 1), // closed: never overdue nor due
        };
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var filter = RequestFilter.Parse(new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(queryString)), errors);

        Assert.Empty(errors);
        Assert.Equal(expected, requests.Count(r => filter!.Matches(r, Now)));
    }

    [Theory]
    [InlineData("type=erasure", "type")]
    [InlineData("channel=fax", "channel")]
    [InlineData("overdue=yes", "overdue")]
    [InlineData("dueWithinDays=-1", "dueWithinDays")]
    [InlineData("id=short", "id")]
    public void Bad_filters_are_named(string queryString, string field)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);

        Assert.Null(RequestFilter.Parse(new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(queryString)), errors));
        Assert.Contains(field, errors.Keys);
    }
}

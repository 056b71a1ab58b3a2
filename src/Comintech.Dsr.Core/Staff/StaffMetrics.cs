namespace Comintech.Dsr.Staff;

/// <summary>Per request type: counts by outcome and the median days to respond (CCPA regulations §7102).</summary>
public sealed record TypeMetrics(string Type, int Received, int Complied, int CompliedInPart, int Denied, int Open, double? MedianDaysToComplete);

/// <summary>One law's metrics: §7102 asks for the CCPA's requests on their own, so GDPR requests are counted apart.</summary>
public sealed record LawMetrics(string Law, IReadOnlyList<TypeMetrics> Types);

/// <summary><paramref name="Types"/>: every request; <paramref name="ByLaw"/>: the same split per law (GDPR, CCPA).</summary>
public sealed record StaffMetricsReport(int? Year, IReadOnlyList<TypeMetrics> Types, IReadOnlyList<LawMetrics> ByLaw);

public static class StaffMetrics
{
    public static StaffMetricsReport Compute(IEnumerable<DsrRequest> requests, int? year)
    {
        var inScope = requests.Where(r => year is null || r.ReceivedAt.UtcDateTime.Year == year).ToList();
        return new StaffMetricsReport(
            year,
            PerType(inScope),
            [.. Enum.GetValues<Jurisdiction>().Select(law => new LawMetrics(law.ToString(), PerType([.. inScope.Where(r => r.Jurisdiction == law)])))]);
    }

    /// <summary>A request staff refused for some stores counts as complied with in part.</summary>
    private static List<TypeMetrics> PerType(IReadOnlyList<DsrRequest> requests) => [.. Enum.GetValues<RequestType>().Select(type =>
    {
        var ofType = requests.Where(r => r.Type == type).ToList();
        var days = ofType
            .Where(r => r.Status.IsFinal() && r.ClosedAt is not null)
            .Select(r => (r.ClosedAt!.Value - r.ReceivedAt).TotalDays)
            .ToList();
        return new TypeMetrics(
            type.ToWire(),
            ofType.Count,
            ofType.Count(r => r.Status == RequestStatus.Completed && r.RefusedStores.Count == 0),
            ofType.Count(r => r.Status == RequestStatus.CompletedWithExceptions || (r.Status == RequestStatus.Completed && r.RefusedStores.Count > 0)),
            ofType.Count(r => r.Status is RequestStatus.Denied or RequestStatus.IdentityNotVerified),
            ofType.Count(r => !r.Status.IsFinal()),
            Median(days));
    })];

    public static double? Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return Math.Round(median, 2);
    }
}

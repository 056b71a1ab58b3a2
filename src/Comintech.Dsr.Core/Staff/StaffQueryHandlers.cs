namespace Comintech.Dsr.Staff;

/// <summary>
/// The staff routes that read: list, detail, the CSV request log and the metrics. Host-neutral; every route
/// authenticates first and answers 401 without credentials. Reading a request's detail and exporting the log are
/// audited (they disclose personal data or the whole log); the list is not, as the console reloads it after every step.
/// </summary>
public sealed class StaffQueryHandlers(
    StaffAuthenticator authenticator, RequestStore requests, EvidenceLedger evidence, StaffAuditLog audit, IOptions<DeadlineOptions> deadlineOptions, TimeProvider clock)
{
    public const int PageSize = 200;

    /// <summary>GET /api/staff/me: who the credentials name (the console's sign-in check); 401 without valid ones.</summary>
    public IResult Me(HttpRequest http) => authenticator.Authenticate(http) is { } staff
        ? Results.Ok(new { name = staff.Name, method = staff.Method })
        : StaffProblems.Unauthorized();

    /// <summary>GET /api/staff/requests?status=&amp;type=&amp;channel=&amp;jurisdiction=&amp;overdue=&amp;dueWithinDays=&amp;id=&amp;q=</summary>
    public async Task<IResult> ListAsync(HttpRequest http)
    {
        if (authenticator.Authenticate(http) is null)
        {
            return StaffProblems.Unauthorized();
        }

        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var filter = RequestFilter.Parse(http.Query, errors);
        if (filter is null)
        {
            return Problems.Validation(errors);
        }

        var now = clock.GetUtcNow();
        var matching = new List<DsrRequest>();
        await foreach (var request in requests.ListAsync(http.HttpContext.RequestAborted))
        {
            if (filter.Matches(request, now))
            {
                matching.Add(request);
            }
        }

        var page = matching
            .OrderBy(r => r.Status.IsFinal())
            .ThenBy(r => r.DueAt)
            .Take(PageSize)
            .Select(r => StaffViews.Summary(r, now))
            .ToList();
        return Results.Ok(new RequestList(page, matching.Count, matching.Count > PageSize, PageSize, Enum.GetNames<RequestStatus>()));
    }

    /// <summary>GET /api/staff/requests/{id}: timeline, stores, evidence with the chain check, audit, deadline.</summary>
    public async Task<IResult> DetailAsync(HttpRequest http, string requestId, DurableTaskClient client)
    {
        var access = await authenticator.AuthenticateForRequestAsync(requests, http, requestId);
        if (access.Denied)
        {
            return access.Failure;
        }

        var (staff, request) = (access.Staff, access.Request);

        var cancellationToken = http.HttpContext.RequestAborted;

        await audit.AppendAsync(staff, StaffActions.ViewDetail, requestId, null, cancellationToken);
        var now = clock.GetUtcNow();
        var records = await evidence.ReadAsync(requestId, cancellationToken);
        var instance = await client.GetInstanceAsync(requestId, getInputsAndOutputs: true, cancellationToken);
        var progress = instance?.SerializedCustomStatus is null ? null : instance.ReadCustomStatusAs<DsrProgress>();
        var stage = request.Status.IsFinal() ? RequestStage.Done : progress?.Stage ?? RequestStage.Received;
        var deadline = Deadline(request, records, now);
        var latest = StoreOutcomes.Latest(records);
        var stores = (progress?.Stores ?? [.. latest.Values.Select(StoreProgress.From)]).Select(s => latest.TryGetValue(s.StoreId, out var outcome) ? StoreProgress.From(outcome) : s).ToList();
        var rerunnable = request.Status == RequestStatus.CompletedWithExceptions
            ? stores.Where(s => s.State == nameof(OutcomeKind.Failed)).Select(s => s.StoreId).ToList()
            : [];
        // A failed workflow shows as the stage "Failed" (its step and reason are in the evidence) and can be restarted.
        var failed = instance?.RuntimeStatus == OrchestrationRuntimeStatus.Failed;
        return Results.Ok(new RequestDetail(
            StaffViews.Summary(request, now),
            failed ? "Failed" : stage.ToString(),
            request.Language,
            request.Subject.AccountId,
            request.Details,
            request.Corrections,
            request.DenialReason,
            request.ClosedAt,
            deadline,
            stores,
            [.. records.Select(StaffViews.Evidence)],
            StaffViews.Chain(EvidenceLedger.Verify(records)),
            await audit.ForRequestAsync(requestId, cancellationToken),
            [.. StaffViews.Actions(request, deadline.CanExtend), .. failed ? new[] { "restart" } : []],
            rerunnable,
            IdentityView.From(request),
            request.SuggestedClassification));
    }

    /// <summary>GET /api/staff/export: the request log of the last 24 months as CSV.</summary>
    public async Task<IResult> ExportAsync(HttpRequest http)
    {
        var staff = authenticator.Authenticate(http);
        if (staff is null)
        {
            return StaffProblems.Unauthorized();
        }

        var cancellationToken = http.HttpContext.RequestAborted;
        var all = await AllAsync(cancellationToken);
        await audit.AppendAsync(staff, StaffActions.ExportLog, null, null, cancellationToken);
        var now = clock.GetUtcNow();
        var csv = RequestLogCsv.Write(all, now);
        var name = $"dsr-request-log-{now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv";
        return Results.File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", name);
    }

    /// <summary>GET /api/staff/metrics?year=: counts and median days per request type.</summary>
    public async Task<IResult> MetricsAsync(HttpRequest http)
    {
        if (authenticator.Authenticate(http) is null)
        {
            return StaffProblems.Unauthorized();
        }

        int? year = null;
        if (http.Query["year"].ToString() is { Length: > 0 } yearText)
        {
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || parsed is < 2000 or > 9999)
            {
                return Problems.Validation(new(StringComparer.Ordinal) { ["year"] = ["A year such as 2026."] });
            }

            year = parsed;
        }

        return Results.Ok(StaffMetrics.Compute(await AllAsync(http.HttpContext.RequestAborted), year));
    }

    private DeadlineView Deadline(DsrRequest request, IReadOnlyList<EvidenceRecord> records, DateTimeOffset now)
    {
        var deadlines = deadlineOptions.Value;
        var holidays = deadlines.HolidaysFor(request.Jurisdiction);
        var canExtend = Staff.Extension.ExtendDeadline.CanExtend(request, holidays, now);
        return new DeadlineView(
            request.DueAt,
            LegalCalendar.DaysLeft(request.DueAt, now),
            RequestFilter.IsOverdue(request, now),
            LegalCalendar.AcknowledgeBy(request.Jurisdiction, request.ReceivedAt, holidays),
            request.ExtendedAt,
            request.ExtensionReason,
            canExtend,
            canExtend ? LegalCalendar.ExtendedDueAt(request.Jurisdiction, request.ReceivedAt, holidays) : null,
            StaffViews.IdentityWaitDays(records),
            deadlines.IdentityWait.ToString());
    }

    private async Task<List<DsrRequest>> AllAsync(CancellationToken cancellationToken)
    {
        var all = new List<DsrRequest>();
        await foreach (var request in requests.ListAsync(cancellationToken))
        {
            // Smoke tests are not a person's request: they stay out of the §7101 log and the §7102 metrics.
            if (!SmokeSandbox.IsSmoke(request))
            {
                all.Add(request);
            }
        }

        return all;
    }
}

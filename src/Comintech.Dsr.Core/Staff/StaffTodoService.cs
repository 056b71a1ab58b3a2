namespace Comintech.Dsr.Staff;

/// <summary>What a person must do about one request, and by when.</summary>
/// <param name="Kind">One of <see cref="StaffTodoService.Kinds"/>, in that order of the list.</param>
/// <param name="Since">When the wait began (a manual step, a partner, a Client), if known.</param>
public sealed record TodoItem(
    string Kind, string RequestId, string Title, string? StoreId, DateTimeOffset? Since, string Type, string FullName, DateTimeOffset DueAt, int DaysLeft, bool Overdue);

/// <param name="Counts">Items per kind (every kind listed, zero included).</param>
public sealed record TodoList(DateTimeOffset At, IReadOnlyList<TodoItem> Items, IReadOnlyDictionary<string, int> Counts);

/// <summary>
/// The staff to-do list: e-mails to triage, approvals waiting, access packages held for review, manual steps open,
/// partners late to confirm (past their reminder interval), Clients escalated without an answer, and open requests due
/// within <see cref="DueSoonDays"/> days (or overdue). Read from the request rows, the waiting parts and the Client
/// forwards (three scans, fine at this scale, like the request list).
/// </summary>
public sealed class StaffTodoService(
    RequestStore requests, EvidenceLedger evidence, WaitingStoreTable waiting, ClientForwards forwards, IOptions<DataMapOptions> dataMap, TimeProvider clock)
{
    public const int DueSoonDays = 7;
    public const string Triage = "triage";
    public const string Approval = "approval";
    public const string Review = "review";
    public const string ManualStep = "manual-step";
    public const string PartnerLate = "partner-late";
    public const string ClientEscalated = "client-escalated";
    public const string DueSoon = "deadline";

    private static readonly string[] KindOrder = [Triage, Approval, Review, ManualStep, PartnerLate, ClientEscalated, DueSoon];

    public static IReadOnlyList<string> Kinds => KindOrder;

    public async Task<TodoList> ListAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var byId = new Dictionary<string, DsrRequest>(StringComparer.Ordinal);
        await foreach (var request in requests.ListAsync(cancellationToken))
        {
            if (!SmokeSandbox.IsSmoke(request))
            {
                byId[request.Id] = request;
            }
        }

        var items = new List<TodoItem>();
        TodoItem Item(string kind, DsrRequest r, string title, string? storeId = null, DateTimeOffset? since = null) =>
            new(kind, r.Id, title, storeId, since, r.Type.ToWire(), r.Subject.FullName, r.DueAt, LegalCalendar.DaysLeft(r.DueAt, now), RequestFilter.IsOverdue(r, now));

        foreach (var request in byId.Values.Where(r => !r.Status.IsFinal()))
        {
            if (request.Status == RequestStatus.NeedsTriage)
            {
                items.Add(Item(Triage, request, "E-mail to classify: which request is it?"));
            }

            if (request.Status == RequestStatus.AwaitingApproval && !await DecidedAsync(request.Id, cancellationToken))
            {
                items.Add(Item(Approval, request, $"Approve or deny the {request.Type.ToWire()} request"));
            }

            if (request.DueAt <= now.AddDays(DueSoonDays))
            {
                var days = LegalCalendar.DaysLeft(request.DueAt, now);
                items.Add(Item(DueSoon, request, RequestFilter.IsOverdue(request, now) ? $"Overdue by {-days} day(s)" : $"Due in {days} day(s)"));
            }
        }

        var stores = dataMap.Value.Stores.ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var part in await waiting.ListOpenAsync(cancellationToken))
        {
            if (!byId.TryGetValue(part.RequestId, out var request) || request.Status.IsFinal())
            {
                continue;
            }

            if (part.Part == AccessReviews.ReviewRow)
            {
                items.Add(Item(Review, request, "Review the access package before it goes out", since: part.OpenedAt));
            }
            else if (part.WaitingOn == "staff")
            {
                items.Add(Item(ManualStep, request, $"Manual step: {part.StoreId}", part.StoreId, part.OpenedAt));
            }
            else if (now - part.OpenedAt > (stores.TryGetValue(part.StoreId, out var store) ? store.Waiting.RemindEvery : new WaitSettings().RemindEvery))
            {
                var days = (int)(now - part.OpenedAt).TotalDays;
                items.Add(Item(PartnerLate, request, $"Partner for {part.StoreId} has not confirmed in {days} day(s)", part.StoreId, part.OpenedAt));
            }
        }

        foreach (var forward in await forwards.ListEscalatedAsync(cancellationToken))
        {
            if (byId.TryGetValue(forward.RequestId, out var request))
            {
                items.Add(Item(ClientEscalated, request, $"Client {forward.ClientName} has not answered (escalated)", forward.StoreId, forward.ForwardedAt));
            }
        }

        var ordered = items.OrderBy(i => Array.IndexOf(KindOrder, i.Kind)).ThenBy(i => i.DueAt).ThenBy(i => i.RequestId, StringComparer.Ordinal).ToList();
        return new TodoList(now, ordered, Kinds.ToDictionary(k => k, k => ordered.Count(i => i.Kind == k), StringComparer.Ordinal));
    }

    /// <summary>A decision is recorded at once; the status moves when the workflow takes it, so the request may still read as waiting.</summary>
    private async Task<bool> DecidedAsync(string requestId, CancellationToken cancellationToken) =>
        (await evidence.ReadAsync(requestId, cancellationToken)).Any(r => r.Is(EvidenceEvents.ApprovalGranted) || r.Is(EvidenceEvents.ApprovalDenied));
}

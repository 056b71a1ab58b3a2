using System.Text.Json;
using Comintech.Dsr.Deadlines;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.Evidence.Events;
using Comintech.Dsr.Fulfilment;
using Comintech.Dsr.Fulfilment.Rerun;
using Comintech.Dsr.Hosting;
using Comintech.Dsr.Http;
using Comintech.Dsr.Notifications;
using Comintech.Dsr.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace Comintech.Dsr.Staff;

/// <summary>
/// The staff routes that act: approve or deny at the approval gate, extend the deadline. Each authenticates, checks
/// the request's state, writes the audit row (who, when, what, why) and only then acts. Reasons stay in the request
/// store and the audit log; the orchestration hears only approved or denied.
/// </summary>
public sealed class StaffActionHandlers(
    StaffAuthenticator authenticator,
    RequestStore requests,
    EvidenceLedger evidence,
    StaffAuditLog audit,
    INotifier notifier,
    IOptions<DsrOptions> options,
    IOptions<DataMapOptions> dataMap,
    Fulfilment.Refusal.RefusalService refusals,
    TimeProvider clock)
{
    public const int MaxReasonLength = 2000;

    /// <summary>POST /api/staff/requests/{id}/approve with an optional { "reason": "…" }.</summary>
    public Task<IResult> ApproveAsync(HttpRequest http, string requestId, DurableTaskClient client) =>
        DecideAsync(http, requestId, client, approved: true);

    /// <summary>POST /api/staff/requests/{id}/deny with { "reason": "…" } (required: it goes to the person).</summary>
    public Task<IResult> DenyAsync(HttpRequest http, string requestId, DurableTaskClient client) =>
        DecideAsync(http, requestId, client, approved: false);

    /// <summary>POST /api/staff/requests/{id}/extend with { "reason": "…" }: moves the deadline and sends the notice.</summary>
    public async Task<IResult> ExtendAsync(HttpRequest http, string requestId, DurableTaskClient client)
    {
        var (staff, request, reason, failure) = await PrepareAsync(http, requestId, reasonRequired: true);
        if (failure is not null)
        {
            return failure;
        }

        var cancellationToken = http.HttpContext.RequestAborted;
        var holidays = options.Value.Deadlines.HolidaysFor(request!.Jurisdiction);
        if (!CanExtend(request, holidays, clock.GetUtcNow()))
        {
            return StaffProblems.Conflict(
                "Cannot extend",
                !request.Type.CanBeExtended() ? "An opt-out of sale or sharing must be acted on within 15 business days; it cannot be extended."
                : request.ExtendedAt is not null ? "The deadline was extended already; it can be extended once."
                : request.Status.IsFinal() ? $"The request is already {request.Status}."
                : "An extension must be notified within the first period, which has ended.");
        }

        var newDueAt = LegalCalendar.ExtendedDueAt(request.Jurisdiction, request.ReceivedAt, holidays);
        await audit.AppendAsync(staff!, StaffActions.Extend, requestId, reason, cancellationToken);
        await requests.ExtendAsync(requestId, newDueAt, reason!, cancellationToken);
        var notice = MessageTemplates.Extension(request, newDueAt, reason!, options.Value.Notices);
        await notifier.SendAsync(notice, cancellationToken);
        await evidence.AppendAsync(
            requestId, DeadlineExtended.Key, new DeadlineExtended(request.DueAt, newDueAt, notice.IdempotencyKey), Actor(staff!), cancellationToken);
        var watch = DeadlineWatchOrchestrator.InstanceIdFor(requestId);
        if (await client.GetInstanceAsync(watch, cancellationToken) is { IsRunning: true })
        {
            await client.RaiseEventAsync(watch, DeadlineWatchOrchestrator.DeadlineExtendedEvent, newDueAt.UtcDateTime, cancellationToken);
        }

        return Results.Ok(new StaffActionResponse(requestId, StaffActions.Extend, newDueAt));
    }

    /// <summary>
    /// POST /api/staff/requests/{id}/stores/{storeId}/rerun: runs one failed store of a request that ended
    /// CompletedWithExceptions again, without a new submission.
    /// </summary>
    public async Task<IResult> RerunStoreAsync(HttpRequest http, string requestId, string storeId, DurableTaskClient client)
    {
        var (staff, request, reason, failure) = await PrepareAsync(http, requestId, reasonRequired: false);
        if (failure is not null)
        {
            return failure;
        }

        var store = dataMap.Value.Stores.FirstOrDefault(s => s.Id == storeId);
        if (store is null)
        {
            return Problems.Status(StatusCodes.Status404NotFound, "Unknown store", "No store in the data map has this id.");
        }

        var cancellationToken = http.HttpContext.RequestAborted;
        var latest = StoreOutcomes.Latest(await evidence.ReadAsync(requestId, cancellationToken));
        if (request!.IdentifiersRemovedAt is not null)
        {
            return StaffProblems.Conflict("Identifiers removed", "The retention policy removed this request's identifiers; the person must send a new request.");
        }

        if (request.Status != RequestStatus.CompletedWithExceptions || latest.GetValueOrDefault(storeId)?.Kind != OutcomeKind.Failed)
        {
            return StaffProblems.Conflict("Nothing to re-run", "Only a failed store of a request that ended CompletedWithExceptions can be re-run.");
        }

        var rerunId = Domain.RequestId.New();
        await audit.AppendAsync(staff!, StaffActions.RerunStore, requestId, reason is null ? storeId : $"{storeId}: {reason}", cancellationToken);
        var planned = new PlannedStore(store.Id, store.Retry.MaxAttempts, store.Retry.FirstRetryInterval, store.Retry.BackoffCoefficient);
        await client.ScheduleNewOrchestrationInstanceAsync(
            StoreRerunOrchestrator.Name,
            new StoreRerunInput(requestId, rerunId, ConnectorActions.For(request.Type), planned),
            new StartOrchestrationOptions(StoreRerunOrchestrator.InstanceIdFor(requestId, rerunId)),
            cancellationToken);
        return Results.Accepted(value: new StaffActionResponse(requestId, StaffActions.RerunStore, null));
    }

    /// <summary>
    /// POST /api/staff/requests/{id}/refuse with <c>{ "reason": "…", "stores": ["billing"] }</c>: refuses the whole request
    /// (no stores) at any open stage, or the named stores only, before they are acted on. The reason goes to the person.
    /// </summary>
    public async Task<IResult> RefuseAsync(HttpRequest http, string requestId, DurableTaskClient client)
    {
        var access = await authenticator.AuthenticateForRequestAsync(requests, http, requestId);
        if (access.Denied)
        {
            return access.Failure;
        }

        var (reason, stores, failure) = await ReadBodyAsync(http, required: true);
        if (failure is not null)
        {
            return failure;
        }

        var cancellationToken = http.HttpContext.RequestAborted;
        await audit.AppendAsync(access.Staff!, StaffActions.Refuse, requestId, stores.Count == 0 ? reason : $"{string.Join(',', stores)}: {reason}", cancellationToken);
        return await refusals.RefuseAsync(access.Request!, reason!, stores, Actor(access.Staff!), client, cancellationToken) switch
        {
            Fulfilment.Refusal.RefusalResult.Refused => Results.Ok(new StaffActionResponse(requestId, StaffActions.Refuse, null)),
            Fulfilment.Refusal.RefusalResult.UnknownStore => Problems.Validation(new() { ["stores"] = ["Every store must be an id of the data map."] }),
            Fulfilment.Refusal.RefusalResult.FulfilmentStarted => StaffProblems.Conflict(
                "Stores already acted on", "Its stores are being acted on: refuse the whole request, or let the stores finish."),
            _ => StaffProblems.Conflict("Request closed", "The request is already closed."),
        };
    }

    /// <summary>Once, before the first deadline has passed, while the request is open.</summary>
    public static bool CanExtend(DsrRequest request, HolidayCalendar holidays, DateTimeOffset now) =>
        !request.Status.IsFinal()
        && request.Type.CanBeExtended()
        && request.ExtendedAt is null
        && LegalCalendar.CanExtendAt(request.Jurisdiction, request.ReceivedAt, holidays, now);

    private async Task<IResult> DecideAsync(HttpRequest http, string requestId, DurableTaskClient client, bool approved)
    {
        var (staff, request, reason, failure) = await PrepareAsync(http, requestId, reasonRequired: !approved);
        if (failure is not null)
        {
            return failure;
        }

        if (request!.Status != RequestStatus.AwaitingApproval)
        {
            return StaffProblems.Conflict("Not awaiting approval", $"The request is {request.Status}; only a request awaiting approval can be approved or denied.");
        }

        var cancellationToken = http.HttpContext.RequestAborted;
        var action = approved ? StaffActions.Approve : StaffActions.Deny;
        EvidenceEvent decision = approved ? new ApprovalGranted() : new ApprovalDenied();

        // The decision's evidence link is keyed: a second, different decision finds the first one and is refused.
        var recorded = await evidence.AppendAsync(requestId, ApprovalDecision.Key, decision, Actor(staff!), cancellationToken);
        if (recorded.EventType != decision.EventType)
        {
            return StaffProblems.Conflict("Already decided", $"The request was already {(approved ? "denied" : "approved")}.");
        }

        await audit.AppendAsync(staff!, action, requestId, reason, cancellationToken);
        if (!approved)
        {
            await requests.SetDenialReasonAsync(requestId, reason!, cancellationToken);
        }

        await client.RaiseEventAsync(requestId, DsrEvents.ApprovalDecided, approved, cancellationToken);
        return Results.Ok(new StaffActionResponse(requestId, action, null));
    }

    private async Task<(StaffPrincipal? Staff, DsrRequest? Request, string? Reason, IResult? Failure)> PrepareAsync(
        HttpRequest http, string requestId, bool reasonRequired)
    {
        var access = await authenticator.AuthenticateForRequestAsync(requests, http, requestId);
        if (access.Denied)
        {
            return (access.Staff, null, null, access.Failure);
        }

        var (reason, _, failure) = await ReadBodyAsync(http, reasonRequired);
        return (access.Staff, access.Request, reason, failure);
    }

    /// <summary>The reason and, for a refusal, the store ids (JSON array, or a comma-separated form field).</summary>
    private static async Task<(string? Reason, IReadOnlyList<string> Stores, IResult? Failure)> ReadBodyAsync(HttpRequest http, bool required)
    {
        string? reason = null;
        IReadOnlyList<string> stores = [];
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (http.ContentLength is > 0 || http.ContentType is not null)
        {
            var kind = BoundedBody.KindOf(http);
            if (kind is null)
            {
                return (null, [], Problems.UnsupportedMediaType());
            }

            var text = await BoundedBody.ReadAsync(http, http.HttpContext.RequestAborted);
            if (text is null)
            {
                return (null, [], Problems.TooLarge());
            }

            if (kind == BodyKind.Form)
            {
                var form = BoundedBody.ReadForm(text, errors);
                reason = form.GetValueOrDefault("reason");
                stores = form.GetValueOrDefault("stores")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
            }
            else
            {
                (reason, stores) = FromJson(text, errors);
            }
        }

        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (errors.Count == 0 && required && reason is null)
        {
            errors["reason"] = ["Required: it is sent to the person and kept in the audit log."];
        }

        if (reason is { Length: > MaxReasonLength })
        {
            errors["reason"] = [$"At most {MaxReasonLength} characters."];
        }

        if (stores.Count > 50 || stores.Any(id => id.Length is 0 or > 100))
        {
            errors["stores"] = ["At most 50 store ids of up to 100 characters."];
        }

        return errors.Count > 0 ? (null, [], Problems.Validation(errors)) : (reason, stores, null);
    }

    private static (string? Reason, IReadOnlyList<string> Stores) FromJson(string text, Dictionary<string, List<string>> errors)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 4 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                errors["body"] = ["The body must be a JSON object."];
                return (null, []);
            }

            string? reason = null;
            if (document.RootElement.TryGetProperty("reason", out var value) && value.ValueKind != JsonValueKind.Null)
            {
                reason = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                if (value.ValueKind != JsonValueKind.String)
                {
                    errors["reason"] = ["Must be a string."];
                }
            }

            if (!document.RootElement.TryGetProperty("stores", out var stores) || stores.ValueKind == JsonValueKind.Null)
            {
                return (reason, []);
            }

            if (stores.ValueKind != JsonValueKind.Array || stores.EnumerateArray().Any(s => s.ValueKind != JsonValueKind.String))
            {
                errors["stores"] = ["Must be an array of store ids."];
                return (reason, []);
            }

            return (reason, [.. stores.EnumerateArray().Select(s => s.GetString()!.Trim())]);
        }
        catch (JsonException)
        {
            errors["body"] = ["Malformed JSON."];
            return (null, []);
        }
    }

    private static string Actor(StaffPrincipal staff) => "staff:" + staff.Name;
}

public sealed record StaffActionResponse(string RequestId, string Action, DateTimeOffset? DueAt);

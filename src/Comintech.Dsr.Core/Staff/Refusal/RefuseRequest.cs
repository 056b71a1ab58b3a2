using Comintech.Dsr.Fulfilment.Refusal;

namespace Comintech.Dsr.Staff.Refusal;

/// <summary>Staff refuse a request in full (no stores) or the named stores only: the audit row first, then <see cref="RefusalService"/>.</summary>
public sealed class RefuseRequest(StaffAuditLog audit, RefusalService refusals)
{
    public async Task<UseCaseResult<string>> RefuseAsync(
        DsrRequest request, string reason, IReadOnlyList<string> stores, StaffPrincipal staff, DurableTaskClient client, CancellationToken cancellationToken)
    {
        await audit.AppendAsync(staff, StaffActions.Refuse, request.Id, stores.Count == 0 ? reason : $"{string.Join(',', stores)}: {reason}", cancellationToken);
        return await refusals.RefuseAsync(request, reason, stores, staff.Actor, client, cancellationToken) switch
        {
            RefusalResult.Refused => StaffActions.Refuse,
            RefusalResult.UnknownStore => UseCaseFailure.Invalid("stores", "Every store must be an id of the data map."),
            RefusalResult.FulfilmentStarted => UseCaseFailure.Conflict(
                "Stores already acted on", "Its stores are being acted on: refuse the whole request, or let the stores finish."),
            _ => UseCaseFailure.Conflict("Request closed", "The request is already closed."),
        };
    }
}

namespace Comintech.Dsr.Connectors.Manual;

/// <summary>
/// A step staff carry out by hand (a store of kind <c>Manual</c>, or any store whose data-map policy for the action is
/// Manual): opens a staff task, tells the privacy team, and waits until staff mark it done through the staff API.
/// </summary>
/// <remarks>Settings: <c>Instructions</c> (what staff must do; no personal data, the task links to the request).</remarks>
public sealed class ManualStepConnector(WaitingStoreTable waiting, StaffNotifier staff, PublicLinks links, TimeProvider clock) : IDataStoreConnector, IWaitingConnector
{
    public const string KindName = "Manual";

    public string Kind => KindName;

    public Task<ConnectorOutcome> ExportAsync(ConnectorRequest request, CancellationToken cancellationToken) => OpenAsync(request, cancellationToken);

    public Task<ConnectorOutcome> RectifyAsync(ConnectorRequest request, CancellationToken cancellationToken) => OpenAsync(request, cancellationToken);

    public Task<ConnectorOutcome> EraseAsync(ConnectorRequest request, CancellationToken cancellationToken) => OpenAsync(request, cancellationToken);

    public bool StopsSaleOrSharing => true;

    public Task<ConnectorOutcome> SuppressAsync(ConnectorRequest request, CancellationToken cancellationToken) => OpenAsync(request, cancellationToken);

    public Task RemindAsync(ConnectorRequest request, int reminder, CancellationToken cancellationToken) =>
        staff.SendAsync(
            $"{request.RequestId}.{request.Store.Id}.reminder-{reminder}",
            $"Reminder {reminder}: manual step for request {request.RequestId} in {request.Store.Name}",
            Body(request),
            cancellationToken);

    private async Task<ConnectorOutcome> OpenAsync(ConnectorRequest request, CancellationToken cancellationToken)
    {
        await waiting.OpenAsync(request, "staff", cancellationToken);
        await staff.SendAsync(
            $"{request.RequestId}.{request.Store.Id}.task",
            $"Manual step for request {request.RequestId}: {request.Action} in {request.Store.Name}",
            Body(request),
            cancellationToken);
        return request.Outcome(OutcomeKind.Waiting, 0, 0, "Waiting for staff to carry out the manual step.", null, clock.GetUtcNow());
    }

    private string Body(ConnectorRequest request) =>
        $"""
        Request {request.RequestId} needs a manual step: {request.Action} in "{request.Store.Name}" ({request.Store.Id}).

        {request.Store.Setting("Instructions") ?? "See the runbook for this store."}

        Look the person up in the staff console under the request id. When done, mark the step done:
        POST {links.ManualStepDone(request.RequestId, request.Store.Id)}
        """;
}

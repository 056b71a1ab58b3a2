namespace Comintech.Dsr.Fulfilment.Activities;

/// <summary>The deadline passed without a confirmation: tells the privacy team and reports the store part failed.</summary>
public sealed class EscalateWaitingStoreActivity(StoreActionRunner runner, StaffNotifier staff, TimeProvider clock) : IDsrActivity<StoreWaitInput, ConnectorOutcome>
{
    public async Task<ConnectorOutcome> RunAsync(StoreWaitInput input, CancellationToken cancellationToken)
    {
        var key = ConnectorRequest.KeyFor(input.RequestId, input.StoreId, input.Action) + ".escalated";
        if (await runner.RecordedAsync(input.RequestId, key, o => new StoreEscalated(o), cancellationToken) is { } earlier)
        {
            return earlier;
        }

        await staff.SendAsync(
            $"{input.RequestId}.{input.StoreId}.escalation",
            $"Escalation: request {input.RequestId} has no confirmation from {input.StoreId}",
            $"""
            The deadline for {input.StoreId} to confirm the {input.Action} of request {input.RequestId} has passed
            after {input.Reminder - 1} reminder(s). Follow up with them and record the result in the staff console.
            """,
            cancellationToken);
        var outcome = new ConnectorOutcome(
            input.StoreId, input.Action, OutcomeKind.Failed, 0, 0, "No confirmation by the deadline; escalated to the privacy team.", null, clock.GetUtcNow());
        return await runner.RecordAsync(input.RequestId, key, o => new StoreEscalated(o), outcome, cancellationToken);
    }
}

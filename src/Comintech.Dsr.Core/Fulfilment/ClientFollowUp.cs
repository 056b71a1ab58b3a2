namespace Comintech.Dsr.Fulfilment;

/// <summary>A processor-routing store of a closed request, at one of its reminders or at its deadline.</summary>
public sealed record ClientFollowUpInput(string RequestId, string StoreId, ConnectorAction Action, int Reminder);

/// <summary>
/// After a request has closed (the person has their final notice), the Clients that have not answered are reminded at
/// each <c>RemindEvery</c> until <c>ConfirmWithin</c>, then the privacy team is told. Runs at the end of the request's
/// own orchestration, so it survives restarts like the rest of the workflow; it ends early once every Client answered.
/// </summary>
public static class ClientFollowUp
{
    public const string RemindActivity = "RemindClients";
    public const string EscalateActivity = "EscalateClients";

    public static Task RunAsync(TaskOrchestrationContext context, string requestId, ConnectorAction action, IEnumerable<PlannedStore> stores, IReadOnlyList<ConnectorOutcome> outcomes) =>
        Task.WhenAll(stores
            .Where(s => s.FollowsUpClients && outcomes.Any(o => o.StoreId == s.StoreId && o.Kind == OutcomeKind.Done))
            .Select(s => FollowUpAsync(context, requestId, action, s)));

    private static async Task FollowUpAsync(TaskOrchestrationContext context, string requestId, ConnectorAction action, PlannedStore store)
    {
        var deadline = context.CurrentUtcDateTime + (store.ConfirmWithin ?? TimeSpan.FromDays(14));
        var interval = store.RemindEvery ?? TimeSpan.FromDays(3);
        for (var reminder = 1; ; reminder++)
        {
            var next = context.CurrentUtcDateTime + interval < deadline ? context.CurrentUtcDateTime + interval : deadline;
            await context.CreateTimer(next, CancellationToken.None);
            var step = new ClientFollowUpInput(requestId, store.StoreId, action, reminder);
            if (context.CurrentUtcDateTime >= deadline)
            {
                await context.CallActivityAsync<int>(EscalateActivity, step, StepRetry.Transient);
                return;
            }

            if (await context.CallActivityAsync<int>(RemindActivity, step, StepRetry.Transient) == 0)
            {
                return;
            }
        }
    }
}

/// <summary>
/// Reminds every Client of the store that has not answered; returns how many have not. It reads no identifiers of the
/// person (a closed deletion's are removed by the retention policy): the reminder names the request only.
/// </summary>
public sealed class RemindClientsActivity(
    IOptions<DataMapOptions> dataMap, HostedClients directory, ClientForwards forwards, ClientForwarder forwarder, EvidenceLedger evidence)
    : IDsrActivity<ClientFollowUpInput, int>
{
    public async Task<int> RunAsync(ClientFollowUpInput input, CancellationToken cancellationToken)
    {
        var store = dataMap.Value.Get(input.StoreId);
        var open = (await forwards.ListAsync(input.RequestId, cancellationToken, input.StoreId)).Where(f => f.Open).ToList();
        foreach (var forward in open)
        {
            if (await directory.GetAsync(store, forward.ClientId, cancellationToken) is { } client)
            {
                await forwarder.RemindAsync(input.RequestId, input.StoreId, client, input.Action, input.Reminder, cancellationToken);
                await forwards.RemindedAsync(forward, input.Reminder, cancellationToken);
                await evidence.AppendAsync(
                    input.RequestId,
                    ClientReminded.Key(input.StoreId, client.ClientId, input.Reminder),
                    new ClientReminded(input.StoreId, client.ClientId, input.Reminder),
                    cancellationToken: cancellationToken);
            }
        }

        return open.Count;
    }
}

/// <summary>The deadline passed: tells the privacy team which Clients have not answered, one message and one link each.</summary>
public sealed class EscalateClientsActivity(ClientForwards forwards, StaffNotifier staff, EvidenceLedger evidence) : IDsrActivity<ClientFollowUpInput, int>
{
    public async Task<int> RunAsync(ClientFollowUpInput input, CancellationToken cancellationToken)
    {
        var open = (await forwards.ListAsync(input.RequestId, cancellationToken, input.StoreId)).Where(f => f.Open).ToList();
        foreach (var forward in open)
        {
            await staff.SendAsync(
                $"{input.RequestId}.{input.StoreId}.client-{forward.ClientId}.escalation",
                $"Escalation: Client {forward.ClientName} has not answered request {input.RequestId}",
                $"""
                We forwarded request {input.RequestId} to our Client {forward.ClientName} ({forward.ClientId}), the controller of
                data we host for it, on {forward.ForwardedAt:yyyy-MM-dd}, and reminded it {input.Reminder - 1} time(s). It has not answered.
                Follow up with the Client; its answer is still recorded when it comes.
                """,
                cancellationToken);
            await forwards.EscalatedAsync(forward, cancellationToken);
            await evidence.AppendAsync(
                input.RequestId,
                ClientEscalated.Key(input.StoreId, forward.ClientId),
                new ClientEscalated(input.StoreId, forward.ClientId, input.Reminder - 1),
                cancellationToken: cancellationToken);
        }

        return open.Count;
    }
}

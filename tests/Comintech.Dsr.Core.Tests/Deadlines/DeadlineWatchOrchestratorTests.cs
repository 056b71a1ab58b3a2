using System.Collections.Concurrent;
using Comintech.Dsr.Deadlines;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Fulfilment;
using Comintech.Dsr.Workflow;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask;

namespace Comintech.Dsr.Core.Tests.Deadlines;

/// <summary>The deadline watch on the DurableTaskTestHost, with real (short) durable timers.</summary>
public sealed class DeadlineWatchOrchestratorTests : IAsyncLifetime
{
    private const string RequestId = "BBBBBBBBBBBBBBBBBBBBBBBBBBB";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly ConcurrentQueue<DeadlineAlertInput> alerts = new();
    private volatile bool closed;
    private DurableTaskTestHost host = null!;

    public async Task InitializeAsync() =>
        host = await TestDurableHost.StartAsync(registry =>
        {
            registry.AddOrchestrator<DeadlineWatchOrchestrator>();
            registry.AddActivityFunc<DeadlineAlertInput, bool>(DsrActivityNames.SendDeadlineAlert, (_, input) =>
            {
                if (closed)
                {
                    return false;
                }

                alerts.Enqueue(input);
                return true;
            });
        });

    public async Task DisposeAsync() => await host.DisposeAsync();

    private async Task<string> StartAsync(DateTime dueAtUtc, params TimeSpan[] offsets) =>
        await host.Client.ScheduleNewOrchestrationInstanceAsync(
            DeadlineWatchOrchestrator.Name,
            new DeadlineWatchInput(RequestId, dueAtUtc, offsets),
            new StartOrchestrationOptions(DeadlineWatchOrchestrator.InstanceIdFor(RequestId)));

    private async Task<OrchestrationMetadata> CompletionAsync(string id)
    {
        using var cts = new CancellationTokenSource(Timeout);
        return await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);
    }

    [Fact]
    public async Task Reminds_at_each_point_before_the_deadline_then_escalates_once_when_overdue()
    {
        var due = DateTime.UtcNow.AddSeconds(10);
        var id = await StartAsync(due, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromDays(7));

        var metadata = await CompletionAsync(id);

        Assert.Equal("escalated", metadata.ReadOutputAs<string>());
        Assert.Equal(
            [(DeadlineAlertKind.Reminder, TimeSpan.FromSeconds(4)), (DeadlineAlertKind.Reminder, TimeSpan.FromSeconds(2)), (DeadlineAlertKind.Overdue, TimeSpan.Zero)],
            alerts.Select(a => (a.Kind, a.Before)));
        Assert.All(alerts, a => Assert.Equal(due, a.DueAtUtc));
        Assert.True(metadata.LastUpdatedAt.UtcDateTime >= due, "The escalation came before the deadline.");
    }

    [Fact]
    public async Task An_extension_re_arms_the_reminders_for_the_new_deadline()
    {
        var id = await StartAsync(DateTime.UtcNow.AddSeconds(30), TimeSpan.FromSeconds(20));
        var extended = DateTime.UtcNow.AddSeconds(4);

        await host.Client.RaiseEventAsync(id, DeadlineWatchOrchestrator.DeadlineExtendedEvent, extended);
        var metadata = await CompletionAsync(id);

        Assert.Equal("escalated", metadata.ReadOutputAs<string>());
        var only = Assert.Single(alerts);
        Assert.Equal(DeadlineAlertKind.Overdue, only.Kind);
        Assert.Equal(extended, only.DueAtUtc);
    }

    [Fact]
    public async Task The_watch_ends_once_the_request_is_closed()
    {
        closed = true;
        var id = await StartAsync(DateTime.UtcNow.AddSeconds(4), TimeSpan.FromSeconds(2));

        var metadata = await CompletionAsync(id);

        Assert.Equal("closed", metadata.ReadOutputAs<string>());
        Assert.Empty(alerts);
    }
}

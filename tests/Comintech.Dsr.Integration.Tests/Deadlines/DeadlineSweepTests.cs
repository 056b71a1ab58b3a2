using Azure.Data.Tables;
using Comintech.Dsr.Deadlines;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.Fulfilment;
using Comintech.Dsr.Storage;
using Comintech.Dsr.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Comintech.Dsr.Integration.Tests.Deadlines;

/// <summary>
/// The deadline sweep over the index of what is due: each reminder and the escalation once at its point (also when a
/// sweep stopped after an alert), an extension's new deadline instead of the old one, nothing for a closed request; the
/// end of a verification window raised to a workflow still waiting for the code, and to no other.
/// </summary>
public sealed class DeadlineSweepTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string WaitForCode = "WaitForCode";
    private static readonly DateTimeOffset Due = new(2031, 3, 20, 23, 59, 59, TimeSpan.Zero);
    private readonly string pickup = Directory.CreateTempSubdirectory("dsr-mail-").FullName;
    private DurableTaskTestHost host = null!;

    public async Task InitializeAsync() => host = await TestDurableHost.StartAsync(registry =>
        registry.AddOrchestratorFunc<DsrOrchestrationInput, string>(WaitForCode, async (context, _) =>
        {
            using var stop = new CancellationTokenSource();
            var verified = context.WaitForExternalEvent<bool>(DsrEvents.IdentityVerified, stop.Token);
            var expired = context.WaitForExternalEvent<bool>(DsrEvents.VerificationExpired, stop.Token);
            var winner = await Task.WhenAny(verified, expired);
            stop.Cancel();
            return winner == expired ? "expired" : "verified";
        }));

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        Directory.Delete(pickup, recursive: true);
    }

    [Fact]
    public async Task The_end_of_the_verification_window_reaches_only_a_workflow_still_waiting_for_the_code()
    {
        using var services = Services();
        var index = services.GetRequiredService<DeadlineIndex>();
        var waiting = await AddRequestAsync(services, Due, RequestStatus.AwaitingVerification);
        var verified = await AddRequestAsync(services, Due, RequestStatus.InProgress);
        var restarted = await AddRequestAsync(services, Due, RequestStatus.AwaitingVerification);
        var windowEnd = Due.UtcDateTime.AddDays(-25);
        foreach (var id in new[] { waiting, verified, restarted })
        {
            // The restarted workflow's window was moved on; the row filed for its first window is left over.
            var input = new DsrOrchestrationInput(id, RequestType.Deletion, id == restarted ? windowEnd.AddDays(7) : windowEnd, ExpiryBySweep: true);
            await host.Client.ScheduleNewOrchestrationInstanceAsync(WaitForCode, input, new StartOrchestrationOptions(id));
            await index.FileVerificationExpiryAsync(id, windowEnd, CancellationToken.None);
        }

        await SweepAtAsync(services, Due.UtcDateTime.AddDays(-26));
        Assert.Equal(3, (await RowsAsync(services, waiting)).Count + (await RowsAsync(services, verified)).Count + (await RowsAsync(services, restarted)).Count);

        await SweepAtAsync(services, windowEnd.AddMinutes(1));
        await SweepAtAsync(services, windowEnd.AddMinutes(6));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var finished = await host.Client.WaitForInstanceCompletionAsync(waiting, getInputsAndOutputs: true, timeout.Token);
        Assert.Equal("expired", finished.ReadOutputAs<string>());
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync(verified))!.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Running, (await host.Client.GetInstanceAsync(restarted))!.RuntimeStatus);
        foreach (var id in new[] { waiting, verified, restarted })
        {
            Assert.Empty(await RowsAsync(services, id));
        }
    }

    [Fact]
    public async Task Each_reminder_and_the_escalation_go_out_once_at_their_points()
    {
        using var services = Services();
        var id = await FiledRequestAsync(services);

        await SweepAtAsync(services, Due.UtcDateTime.AddDays(-8));
        Assert.Equal((0, 0), await AlertsAsync(services, id));

        await SweepAtAsync(services, Due.UtcDateTime.AddDays(-7).AddMinutes(1));
        await SweepAtAsync(services, Due.UtcDateTime.AddDays(-7).AddMinutes(6));
        Assert.Equal((1, 0), await AlertsAsync(services, id));

        // A sweep that stopped after sending the 2-day reminder, before filing the next point: the next sweep sends it again
        // under the same keys (one mail, one link) and moves on.
        await services.GetRequiredService<SendDeadlineAlertActivity>().RunAsync(
            new DeadlineAlertInput(id, DeadlineAlertKind.Reminder, Due.UtcDateTime, TimeSpan.FromDays(2)), CancellationToken.None);
        await SweepAtAsync(services, Due.UtcDateTime.AddDays(-2).AddMinutes(1));
        Assert.Equal((2, 0), await AlertsAsync(services, id));

        await SweepAtAsync(services, Due.UtcDateTime.AddMinutes(1));
        await SweepAtAsync(services, Due.UtcDateTime.AddDays(30));
        Assert.Equal((2, 1), await AlertsAsync(services, id));
        Assert.Equal(3, Directory.GetFiles(pickup, $"{id}.*.eml").Length);
        Assert.Empty(await RowsAsync(services, id));
    }

    [Fact]
    public async Task An_extension_moves_the_alerts_to_the_new_deadline()
    {
        using var services = Services();
        var id = await FiledRequestAsync(services);
        var extended = Due.AddDays(60);
        await services.GetRequiredService<RequestStore>().ExtendAsync(id, extended, "complex request");
        await services.GetRequiredService<DeadlineIndex>().FileAsync(id, extended, Due.UtcDateTime.AddDays(-19), CancellationToken.None);

        await SweepAtAsync(services, Due.UtcDateTime.AddDays(1));
        Assert.Equal((0, 0), await AlertsAsync(services, id));

        await SweepAtAsync(services, extended.UtcDateTime.AddDays(-7).AddMinutes(1));
        Assert.Equal((1, 0), await AlertsAsync(services, id));
        Assert.Single(Directory.GetFiles(pickup, $"{id}.reminder-{extended:yyyyMMdd}-*.eml"));
        Assert.Single(await RowsAsync(services, id));
    }

    [Fact]
    public async Task A_closed_request_gets_no_alert_and_leaves_the_index()
    {
        using var services = Services();
        var id = await FiledRequestAsync(services);
        await services.GetRequiredService<RequestStore>().SetStatusAsync(id, RequestStatus.Completed);

        await SweepAtAsync(services, Due.UtcDateTime.AddDays(1));

        Assert.Equal((0, 0), await AlertsAsync(services, id));
        Assert.Empty(await RowsAsync(services, id));
    }

    private Task SweepAtAsync(IServiceProvider services, DateTime nowUtc) =>
        services.GetRequiredService<DeadlineSweep>().RunAsync(nowUtc, host.Client, CancellationToken.None);

    /// <summary>A request due at <see cref="Due"/> whose first alert intake filed 20 days before.</summary>
    private static async Task<string> FiledRequestAsync(IServiceProvider services)
    {
        var id = await AddRequestAsync(services, Due);
        await services.GetRequiredService<DeadlineIndex>().FileAsync(id, Due, Due.UtcDateTime.AddDays(-20), CancellationToken.None);
        return id;
    }

    private ServiceProvider Services() => TestServices.Build(TestServices.Configuration(
        azurite.ConnectionString, pickup, new Dictionary<string, string?> { ["Dsr:Staff:NotifyAddress"] = "privacy-team@comintech.example" }));

    private static async Task<string> AddRequestAsync(IServiceProvider services, DateTimeOffset due, RequestStatus status = RequestStatus.InProgress)
    {
        var request = new DsrRequest(
            RequestId.New(), RequestType.Deletion, IntakeChannel.Web, Jurisdiction.GDPR, "en", due.AddMonths(-1), due, status,
            new DataSubject("kim@example.com", "Kim", null), null, new Dictionary<string, string>());
        await services.GetRequiredService<RequestStore>().AddAsync(request);
        return request.Id;
    }

    private static async Task<(int Reminders, int Escalations)> AlertsAsync(IServiceProvider services, string id)
    {
        var evidence = await services.GetRequiredService<EvidenceLedger>().ReadAsync(id);
        return (evidence.Count(e => e.EventType == EvidenceEvents.DeadlineReminder.Name), evidence.Count(e => e.EventType == EvidenceEvents.DeadlineEscalated.Name));
    }

    private static async Task<List<TableEntity>> RowsAsync(IServiceProvider services, string id)
    {
        var table = services.GetRequiredService<DsrStorage>().Tables.GetTableClient(DsrStorage.DeadlinesTable);
        var filter = TableClient.CreateQueryFilter($"RowKey eq {id} or RowKey eq {id + ".verification"}");
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter))
        {
            rows.Add(row);
        }

        return rows;
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Azure.Data.Tables;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Fulfilment;
using Comintech.Dsr.Fulfilment.Activities;
using Comintech.Dsr.Hosting;
using Comintech.Dsr.Storage;
using Comintech.Dsr.Telemetry;
using Comintech.Dsr.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Comintech.Dsr.Integration.Tests.Telemetry;

public sealed class TelemetryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly string pickup = Directory.CreateTempSubdirectory("dsr-mail-").FullName;

    public void Dispose() => Directory.Delete(pickup, recursive: true);

    [Fact]
    public async Task The_overdue_gauge_counts_open_requests_past_their_due_date()
    {
        var configuration = TestServices.Configuration(azurite.ConnectionString, pickup);
        using var services = TestServices.Build(configuration, s => s.AddDsrTelemetry(configuration, "tests"));
        var store = services.GetRequiredService<RequestStore>();
        var yesterday = DateTimeOffset.UtcNow.AddDays(-1);
        await store.AddAsync(TestRequests.New(status: RequestStatus.AwaitingVerification, receivedAt: yesterday.AddDays(-30), dueAt: yesterday));
        await store.AddAsync(TestRequests.New(status: RequestStatus.Completed, receivedAt: yesterday.AddDays(-30), dueAt: yesterday));
        await store.AddAsync(TestRequests.New(status: RequestStatus.InProgress));
        var monitor = services.GetServices<IHostedService>().OfType<OverdueRequestsMonitor>().Single();

        Assert.Equal(1, await monitor.CountOverdueAsync(CancellationToken.None));

        var observed = new ConcurrentQueue<long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == services.GetRequiredService<IMeterFactory>() && instrument.Name == "dsr.requests.overdue")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => observed.Enqueue(value));
        listener.Start();
        await monitor.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (observed.IsEmpty && DateTime.UtcNow < deadline)
        {
            listener.RecordObservableInstruments();
            await Task.Delay(100);
        }

        await monitor.StopAsync(CancellationToken.None);
        Assert.Equal(1, Assert.Single(observed.Distinct()));
    }

    [Fact]
    public async Task A_connector_call_is_a_span_that_names_the_request_store_and_outcome_and_nothing_personal()
    {
        using var services = TestServices.Build(TestServices.Configuration(azurite.ConnectionString, pickup));
        var table = azurite.Storage.Tables.GetTableClient("TestAccounts");
        await table.CreateIfNotExistsAsync();
        await table.UpsertEntityAsync(new TableEntity("accounts", "ACC-78") { ["Email"] = "lee@example.com", ["AccountId"] = "ACC-78" });
        var request = TestRequests.New(subject: new DataSubject("lee@example.com", "Lee Person", "ACC-78"));
        await services.GetRequiredService<RequestStore>().AddAsync(request);
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == DsrTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        await services.GetRequiredService<ExecuteStoreActionActivity>()
            .RunAsync(new StoreActionInput(request.Id, "customer-accounts", ConnectorAction.Erase), CancellationToken.None);

        var span = Assert.Single(spans, s => Equals(s.GetTagItem(DsrTelemetry.RequestIdTag), request.Id));
        Assert.Equal("dsr.connector Erase", span.OperationName);
        Assert.Equal(
            new Dictionary<string, string?>
            {
                [DsrTelemetry.RequestIdTag] = request.Id,
                [DsrTelemetry.StoreIdTag] = "customer-accounts",
                [DsrTelemetry.ActionTag] = "Erase",
                [DsrTelemetry.OutcomeTag] = nameof(OutcomeKind.Done),
            },
            span.Tags.ToDictionary(t => t.Key, t => t.Value));
    }
}

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Hosting;
using Comintech.Dsr.Storage;
using Comintech.Dsr.Telemetry;
using Comintech.Dsr.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Comintech.Dsr.Integration.Tests.Telemetry;

public sealed class OverdueRequestsMonitorTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task The_overdue_gauge_counts_open_requests_past_their_due_date()
    {
        var configuration = TestServices.Configuration(azurite.ConnectionString, Path.GetTempPath());
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
}

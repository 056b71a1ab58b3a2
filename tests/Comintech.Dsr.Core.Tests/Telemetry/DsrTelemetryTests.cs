using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Telemetry;
using Comintech.Dsr.Testing;

namespace Comintech.Dsr.Core.Tests.Telemetry;

public class DsrTelemetryTests
{
    private sealed record Recorded(string Instrument, double Value, Dictionary<string, object?> Tags);

    private static DsrRequest Request(DateTimeOffset receivedAt) => new(
        RequestId.New(), RequestType.Correction, IntakeChannel.Web, Jurisdiction.CCPA, "en", receivedAt, receivedAt.AddDays(45),
        RequestStatus.InProgress, new DataSubject("sam@example.com", "Sam Example", "ACC-9"), null, new Dictionary<string, string>());

    [Fact]
    public void Closing_a_request_counts_it_by_type_and_status_and_records_its_time_to_complete_without_personal_data()
    {
        var received = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
        var request = Request(received);
        var recorded = new ConcurrentQueue<Recorded>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == DsrTelemetry.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => recorded.Enqueue(new(i.Name, v, new(tags.ToArray()))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => recorded.Enqueue(new(i.Name, v, new(tags.ToArray()))));
        listener.Start();

        DsrTelemetry.RequestClosed(request, RequestStatus.CompletedWithExceptions, received.AddHours(50));

        var expectedTags = new Dictionary<string, object?>
        {
            [DsrTelemetry.RequestTypeTag] = "correction",
            [DsrTelemetry.StatusTag] = nameof(RequestStatus.CompletedWithExceptions),
        };
        // Other tests may record at the same time: look for this measurement among them.
        Assert.Contains(recorded, r => r.Instrument == "dsr.requests" && r.Value == 1 && Same(expectedTags, r.Tags));
        Assert.Contains(recorded, r => r.Instrument == "dsr.request.duration" && r.Value == 50 * 3600 && Same(expectedTags, r.Tags));
    }

    [Fact]
    public void A_received_request_is_counted_under_its_type()
    {
        long count = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == DsrTelemetry.Name && instrument.Name == "dsr.requests")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, v, tags, _) =>
        {
            var all = tags.ToArray();
            if (all.Contains(new(DsrTelemetry.RequestTypeTag, "access")) && all.Contains(new(DsrTelemetry.StatusTag, "Received")))
            {
                Interlocked.Add(ref count, v);
            }
        });
        listener.Start();

        DsrTelemetry.RequestReceived(RequestType.Access);

        Assert.True(Interlocked.Read(ref count) >= 1);
    }

    [Fact]
    public void Spans_come_from_the_comintech_source_and_a_failure_names_only_the_exception_type()
    {
        using var spans = new SpanRecorder(DsrTelemetry.Name);
        var marker = Guid.NewGuid().ToString("N");

        using (var span = DsrTelemetry.StartConnectorCall(marker, "support-tickets", "Export"))
        {
            DsrTelemetry.Failed(span, new InvalidOperationException("lookup of sam@example.com failed"));
        }

        var recorded = spans.Single(DsrTelemetry.RequestIdTag, marker);
        Assert.Equal("dsr.connector Export", recorded.OperationName);
        Assert.Equal(ActivityStatusCode.Error, recorded.Status);
        Assert.Equal(nameof(InvalidOperationException), recorded.StatusDescription);
        Assert.Empty(recorded.Events);
    }

    private static bool Same(Dictionary<string, object?> expected, Dictionary<string, object?> actual) =>
        expected.Count == actual.Count && expected.All(e => actual.TryGetValue(e.Key, out var v) && Equals(v, e.Value));
}

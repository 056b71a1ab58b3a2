using System.Diagnostics;

namespace Comintech.Dsr.Telemetry;

/// <summary>
/// The system's spans and metrics (source and meter <c>Comintech.Dsr</c>). Tags carry the request id, the request
/// type, store ids, actions and outcomes only: never a name, an address or any other personal value.
/// </summary>
public static class DsrTelemetry
{
    public const string Name = "Comintech.Dsr";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    public const string RequestIdTag = "dsr.request.id";
    public const string RequestTypeTag = "dsr.request.type";
    public const string StatusTag = "dsr.request.status";
    public const string StoreIdTag = "dsr.store.id";
    public const string ActionTag = "dsr.store.action";
    public const string OutcomeTag = "dsr.outcome";

    private static readonly Counter<long> Requests = Meter.CreateCounter<long>(
        "dsr.requests", "{request}", "Requests by type and status: counted once on receipt and once on their final status.");

    private static readonly Histogram<double> TimeToComplete = Meter.CreateHistogram<double>(
        "dsr.request.duration", "s", "Time from receipt to the final status.");

    private static readonly Counter<long> UnreachableStores = Meter.CreateCounter<long>(
        "dsr.stores.unreachable", "{store}", "Mapped stores that could not be reached when checked at start.");

    public static void StoreUnreachable(string storeId) => UnreachableStores.Add(1, new KeyValuePair<string, object?>(StoreIdTag, storeId));

    /// <summary>Span around accepting one request (store, evidence, orchestration start).</summary>
    public static Activity? StartIntake(RequestType type) =>
        Source.StartActivity("dsr.intake")?.SetTag(RequestTypeTag, type.ToWire());

    /// <summary>Span around one activity of the workflow, named after it.</summary>
    public static Activity? StartWorkflowActivity(string activityName) =>
        Source.StartActivity("dsr.activity " + activityName);

    /// <summary>Span around one connector call.</summary>
    public static Activity? StartConnectorCall(string requestId, string storeId, string action) =>
        Source.StartActivity("dsr.connector " + action)
            ?.SetTag(RequestIdTag, requestId)
            .SetTag(StoreIdTag, storeId)
            .SetTag(ActionTag, action);

    /// <summary>Marks a span failed by the exception's type only: messages may quote what was searched for.</summary>
    public static void Failed(Activity? span, Exception exception) =>
        span?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);

    public static void RequestReceived(RequestType type) =>
        Requests.Add(1, new(RequestTypeTag, type.ToWire()), new(StatusTag, RequestStatus.Received.ToString()));

    public static void RequestClosed(DsrRequest request, RequestStatus status, DateTimeOffset closedAt)
    {
        if (request.Channel == IntakeChannel.Smoke)
        {
            return;
        }

        KeyValuePair<string, object?>[] tags = [new(RequestTypeTag, request.Type.ToWire()), new(StatusTag, status.ToString())];
        Requests.Add(1, tags);
        TimeToComplete.Record((closedAt - request.ReceivedAt).TotalSeconds, tags);
        Activity.Current?.SetTag(RequestIdTag, request.Id).SetTag(OutcomeTag, status.ToString());
    }
}

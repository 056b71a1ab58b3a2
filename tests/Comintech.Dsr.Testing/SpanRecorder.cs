using System.Collections.Concurrent;
using System.Diagnostics;
using Xunit;

namespace Comintech.Dsr.Testing;

/// <summary>Records every span of one ActivitySource that ends while it is alive (tests run in parallel: look spans up by a tag).</summary>
public sealed class SpanRecorder : IDisposable
{
    private readonly ConcurrentQueue<Activity> stopped = new();
    private readonly ActivityListener listener;

    public SpanRecorder(string sourceName)
    {
        listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == sourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
    }

    public Activity Single(string tag, object value) => Assert.Single(stopped, s => Equals(s.GetTagItem(tag), value));

    public void Dispose() => listener.Dispose();
}

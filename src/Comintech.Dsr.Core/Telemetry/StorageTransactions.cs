using Azure.Core;
using Azure.Core.Pipeline;

namespace Comintech.Dsr.Telemetry;

/// <summary>One kind of storage transaction: the service, its table/container/queue, the step that made it.</summary>
public sealed record StorageTransactionKey(string Service, string Resource, string Step);

/// <summary>
/// Counts the storage transactions (every attempt, as Azure bills them) made through the Azure SDK clients it is attached
/// to, by service, table/container/queue and workflow step, as the <c>dsr.storage.transactions</c> metric (exported with
/// the others on Azure) and as an in-process tally a benchmark reads.
/// </summary>
public sealed partial class StorageTransactions
{
    public const string Table = "table";
    public const string Blob = "blob";
    public const string Queue = "queue";

    /// <summary>The step a transaction is charged to when no workflow step or route set one: the Durable Task backend's own work.</summary>
    public const string EngineStep = "engine";

    private static readonly AsyncLocal<string?> CurrentStep = new();

    private static readonly Counter<long> Transactions = DsrTelemetry.Meter.CreateCounter<long>(
        "dsr.storage.transactions", "{transaction}", "Storage transactions by service, table/container/queue and workflow step.");

    private readonly ConcurrentDictionary<StorageTransactionKey, long> counts = new();

    /// <summary>Charges what runs in the current async flow to <paramref name="step"/> until the scope ends.</summary>
    public static IDisposable Step(string step)
    {
        var previous = CurrentStep.Value;
        CurrentStep.Value = step;
        return new Restore(previous);
    }

    /// <summary>Counts every attempt made with these client options as a <paramref name="service"/> transaction.</summary>
    public TOptions Attach<TOptions>(TOptions options, string service)
        where TOptions : ClientOptions
    {
        options.AddPolicy(new CountingPolicy(this, service), HttpPipelinePosition.PerRetry);
        return options;
    }

    public IReadOnlyDictionary<StorageTransactionKey, long> Snapshot() => counts.ToDictionary(c => c.Key, c => c.Value);

    private void Count(string service, HttpMessage message)
    {
        var key = new StorageTransactionKey(service, ResourceOf(service, message.Request), CurrentStep.Value ?? EngineStep);
        counts.AddOrUpdate(key, 1, (_, n) => n + 1);
        Transactions.Add(1, new("dsr.storage.service", key.Service), new("dsr.storage.resource", key.Resource), new("dsr.step", key.Step));
    }

    /// <summary>The table, container or queue a request addresses (path-style URIs on Azurite and IP endpoints carry the account first).</summary>
    internal static string ResourceOf(string service, Request request)
    {
        var uri = request.Uri.ToUri();
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var pathStyle = uri.IsLoopback || IPAddress.TryParse(uri.Host, out _);
        var first = segments.Skip(pathStyle ? 1 : 0).FirstOrDefault() ?? "(account)";
        if (service != Table)
        {
            return first;
        }

        if (first == "$batch")
        {
            return BatchTable(request) is { } table ? table + " (batch)" : "$batch";
        }

        var parenthesis = first.IndexOf('(', StringComparison.Ordinal);
        return parenthesis > 0 ? first[..parenthesis] : first;
    }

    /// <summary>A table batch names its table only inside its body: the first operation's target.</summary>
    private static string? BatchTable(Request request)
    {
        if (request.Content is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        request.Content.WriteTo(buffer, CancellationToken.None);
        var match = BatchTarget().Match(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)Math.Min(buffer.Length, 4096)));
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex(@"(?:POST|PUT|PATCH|MERGE|DELETE|GET) https?://[^\s]*/([A-Za-z][A-Za-z0-9]{2,62})(?:\(|\s|\?)")]
    private static partial Regex BatchTarget();

    private sealed class CountingPolicy(StorageTransactions owner, string service) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) => owner.Count(service, message);
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => CurrentStep.Value = previous;
    }
}

using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Comintech.Dsr.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Comintech.Dsr.Testing;

/// <summary>
/// Storage clients with a hook before chosen requests leave: a test makes one write fail (a crash between two writes
/// leaves exactly the state after the first) or does something else first (a race lost at that very moment).
/// </summary>
public sealed class FaultInjection : HttpPipelinePolicy
{
    private readonly List<(Func<HttpMessage, bool> Match, Func<Task> Action)> hooks = [];

    /// <summary>Before the first request <paramref name="match"/> accepts, run <paramref name="action"/> (once).</summary>
    public FaultInjection Before(Func<HttpMessage, bool> match, Func<Task> action)
    {
        lock (hooks)
        {
            hooks.Add((match, action));
        }

        return this;
    }

    /// <summary>The first request <paramref name="match"/> accepts fails without reaching storage, as in a crash.</summary>
    public FaultInjection FailFirst(Func<HttpMessage, bool> match) =>
        Before(match, () => throw new IOException("Injected failure: the process stopped here."));

    /// <summary>Matches requests in order: the first request <paramref name="then"/> accepts after one <paramref name="first"/> accepted.</summary>
    public static Func<HttpMessage, bool> After(Func<HttpMessage, bool> first, Func<HttpMessage, bool> then)
    {
        var seen = false;
        return message =>
        {
            var isThen = seen && then(message);
            seen |= first(message);
            return isThen;
        };
    }

    public static Func<HttpMessage, bool> Write(string path) => message =>
        message.Request.Method != RequestMethod.Get && Uri.UnescapeDataString(message.Request.Uri.ToString()).Contains(path, StringComparison.Ordinal);

    /// <summary>An entity-group transaction (every evidence append is one).</summary>
    public static Func<HttpMessage, bool> Batch => message =>
        message.Request.Method == RequestMethod.Post && message.Request.Uri.ToString().Contains("$batch", StringComparison.Ordinal);

    /// <summary>The system's storage with this hook on every table and blob call.</summary>
    public DsrStorage Storage(string connectionString)
    {
        var tables = new TableClientOptions();
        tables.AddPolicy(this, HttpPipelinePosition.PerCall);
        var blobs = new BlobClientOptions();
        blobs.AddPolicy(this, HttpPipelinePosition.PerCall);
        return new DsrStorage(new TableServiceClient(connectionString, tables), new BlobServiceClient(connectionString, blobs));
    }

    public void Register(IServiceCollection services, string connectionString) => services.AddSingleton(Storage(connectionString));

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await Due(message)();
        await ProcessNextAsync(message, pipeline);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Due(message)().GetAwaiter().GetResult();
        ProcessNext(message, pipeline);
    }

    private Func<Task> Due(HttpMessage message)
    {
        lock (hooks)
        {
            var index = hooks.FindIndex(h => h.Match(message));
            if (index < 0)
            {
                return () => Task.CompletedTask;
            }

            var action = hooks[index].Action;
            hooks.RemoveAt(index);
            return action;
        }
    }
}

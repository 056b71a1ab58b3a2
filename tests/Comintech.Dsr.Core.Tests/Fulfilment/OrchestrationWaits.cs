using Comintech.Dsr.Fulfilment;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;

namespace Comintech.Dsr.Core.Tests.Fulfilment;

/// <summary>Waiting, with a bound, for what a test's orchestration does.</summary>
internal static class OrchestrationWaits
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    public static async Task UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the orchestration.");
            await Task.Delay(50);
        }
    }

    public static async Task<DsrOrchestrationResult> ResultAsync(DurableTaskTestHost host, string id)
    {
        using var timeout = new CancellationTokenSource(Bound);
        var metadata = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        return metadata.ReadOutputAs<DsrOrchestrationResult>()!;
    }
}

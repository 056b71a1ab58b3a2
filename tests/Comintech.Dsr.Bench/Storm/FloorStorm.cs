using System.Collections.Concurrent;
using System.Net;
using Comintech.Dsr.LocalEngine.Engine;
using Comintech.Dsr.LocalEngine.Storage;
using Comintech.Dsr.Telemetry;
using Comintech.Dsr.Testing;
using DurableTask.AzureStorage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Comintech.Dsr.Bench.Storm;

/// <summary>
/// The engine floor: the workflow's shape (acknowledge with code 1, wait for the verification event or the expiry event,
/// plan, one activity for all stores, finalise: as many activities) with activities that do nothing and no request
/// store or ledger, on the same backend, settings and storage as the local engine. With <c>perStore</c>, the shape
/// before the store batch: one activity per store in parallel.
/// </summary>
public static class FloorStorm
{
    private const string Orchestrator = "FloorOrchestrator";
    private const string Verified = "IdentityVerified";
    private const string Expired = "VerificationExpired";

    public static async Task<StormResult> RunAsync(StormPlan plan, TextWriter log, bool perStore = false)
    {
        var azurite = new AzuriteFixture { TaskHubTablesApart = plan.TaskHubApart };
        var codes = new ConcurrentDictionary<string, TaskCompletionSource>();
        var driver = new StormDriver(plan, log);
        try
        {
            await azurite.InitializeAsync();
            var port = AzuriteProcess.FreePort();
            var builder = WebApplication.CreateBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2));
            builder.Services.AddSingleton<StorageTransactions>();
            var hub = "floor" + Guid.NewGuid().ToString("N")[..8];
            builder.Services.AddLocalDurableEngine(
                azurite.TaskHubConnectionString,
                new EngineOptions { TaskHubName = hub, WorkerId = hub },
                port,
                registry => Register(registry, plan.Stores, perStore, codes, driver),
                purgeOnCompletion: new HashSet<string>(StringComparer.Ordinal) { Orchestrator });
            await using var app = builder.Build();
            app.MapGrpcService<TaskHubGrpcServer>();
            await app.Services.GetRequiredService<AzureStorageOrchestrationService>().CreateIfNotExistsAsync();
            await app.StartAsync();
            var client = app.Services.GetRequiredService<DurableTaskClient>();
            var transactions = app.Services.GetRequiredService<StorageTransactions>();

            await Task.Delay(TimeSpan.FromSeconds(3));
            var idleFrom = transactions.Snapshot();
            await Task.Delay(TimeSpan.FromSeconds(6));
            var before = transactions.Snapshot();
            var idle = StormResult.Difference(before, idleFrom).Values.Sum() / 6.0;
            var counting = DateTimeOffset.UtcNow;
            var cpu = CpuUse.Now(azurite.Processes, null);

            var (elapsed, latencies) = await driver.RunAsync(
                async person =>
                {
                    var id = $"floor-{person:D5}";
                    codes[id] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    await client.ScheduleNewOrchestrationInstanceAsync(Orchestrator, id, new StartOrchestrationOptions(id));
                    return id;
                },
                async id =>
                {
                    await codes[id].Task.WaitAsync(plan.Timeout);
                    await client.RaiseEventAsync(id, Verified, true);
                });
            var used = CpuUse.Now(azurite.Processes, null).Since(cpu);
            await Task.Delay(1500);
            var counted = StormResult.Difference(transactions.Snapshot(), before);
            await StormProbe.PrintAsync(azurite, log);
            await app.StopAsync();
            // The floor's engine runs inside the driver's process: its CPU is counted as the driver's.
            return new StormResult(plan.Label, plan.Requests, latencies.Count, elapsed, latencies, counted, idle, DateTimeOffset.UtcNow - counting) { Cpu = used };
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    private static void Register(DurableTaskRegistry registry, int stores, bool perStore, ConcurrentDictionary<string, TaskCompletionSource> codes, StormDriver driver)
    {
        registry.AddOrchestratorFunc<string, bool>(Orchestrator, async (context, id) =>
        {
            await context.CallActivityAsync<bool>("FloorAcknowledgeAndSendCode", id);
            using var stopWaiting = new CancellationTokenSource();
            // The end of the verification window comes as an event (the deadline sweep raises it), as in the workflow.
            var deadline = context.WaitForExternalEvent<bool>(Expired, stopWaiting.Token);
            var verified = context.WaitForExternalEvent<bool>(Verified, stopWaiting.Token);
            var winner = await Task.WhenAny(verified, deadline);
            stopWaiting.Cancel();
            if (winner != verified)
            {
                return false;
            }

            var count = await context.CallActivityAsync<int>("FloorPlan", id);
            if (perStore)
            {
                await Task.WhenAll(Enumerable.Range(0, count).Select(store => context.CallActivityAsync<bool>("FloorStore", $"{id}/{store}")));
            }
            else
            {
                await context.CallActivityAsync<bool>("FloorStores", id);
            }

            await context.CallActivityAsync<bool>("FloorFinalise", id);
            return true;
        });
        registry.AddActivityFunc<string, bool>("FloorAcknowledgeAndSendCode", (_, id) => codes[id].TrySetResult());
        registry.AddActivityFunc<string, int>("FloorPlan", (_, _) => stores);
        registry.AddActivityFunc<string, bool>("FloorStore", (_, _) => true);
        registry.AddActivityFunc<string, bool>("FloorStores", (_, _) => true);
        registry.AddActivityFunc<string, bool>("FloorFinalise", (_, id) => driver.Completed.TryAdd(id, DateTimeOffset.UtcNow));
    }
}

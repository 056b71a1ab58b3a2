using System.Net;
using Comintech.Dsr.LocalEngine.Demo;
using Comintech.Dsr.LocalEngine.Engine;
using Comintech.Dsr.Testing;

namespace Comintech.Dsr.LocalEngine.Tests;

/// <summary>
/// kill -9 of the engine while a request waits for verification: after a restart it completes. The task hub's tables
/// are in a table service of their own, as when the engine starts Azurite itself.
/// </summary>
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private readonly AzuriteFixture azurite = new() { TaskHubTablesApart = true };

    public Task InitializeAsync() => azurite.InitializeAsync();

    public Task DisposeAsync() => azurite.DisposeAsync();

    [Fact]
    public async Task A_request_waiting_for_verification_survives_kill_9_and_completes_after_restart()
    {
        var hub = "crash" + Guid.NewGuid().ToString("N")[..8];
        var taskHub = new Dictionary<string, string> { ["Engine__TaskHubStorage"] = azurite.TaskHubConnectionString };
        await using var first = new EngineProcess(azurite.ConnectionString, hub, taskHub);
        await first.StartAsync();
        var alan = DemoDataSeeder.People[2];
        var id = await first.SubmitAsync(new { type = "deletion", email = alan.Email, fullName = alan.FullName });
        var code = await first.CodeAsync(id);
        Assert.Equal("AwaitingVerification", (await first.StatusAsync(id)).GetProperty("status").GetString());

        await first.KillAsync();

        await using var second = new EngineProcess(azurite.ConnectionString, hub, new Dictionary<string, string>(taskHub)
        {
            ["Dsr__Mail__PickupDirectory"] = first.PickupDirectory,
        });
        await second.StartAsync();
        using (var verified = await second.VerifyAsync(id, code))
        {
            Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        }

        var status = await second.WaitForStatusAsync(id, "Completed", TimeSpan.FromSeconds(120));
        // Alan has no invoice in the demo data: that store finds nothing; the system's own records keep the request log;
        // every other store erased him.
        Assert.All(status.GetProperty("stores").EnumerateArray(), s => Assert.Equal(
            s.GetProperty("storeId").GetString() switch { "billing-invoices" => "NothingFound", "dsr-own-records" => "Retained", _ => "Done" },
            s.GetProperty("state").GetString()));
        Assert.Single(Directory.GetFiles(first.PickupDirectory, $"{id}.code-*.eml"));
        Assert.True(await LocalBootstrap.HasTableAsync(azurite.TaskHubConnectionString, hub + "Instances"));
        Assert.False(await LocalBootstrap.HasTableAsync(azurite.ConnectionString, hub + "Instances"));
    }
}

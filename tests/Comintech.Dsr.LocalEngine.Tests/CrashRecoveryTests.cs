using System.Net;
using Comintech.Dsr.LocalEngine.Demo;
using Comintech.Dsr.Testing;

namespace Comintech.Dsr.LocalEngine.Tests;

/// <summary>kill -9 of the engine while a request waits for verification: after a restart it completes.</summary>
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private readonly AzuriteFixture azurite = new();

    public Task InitializeAsync() => azurite.InitializeAsync();

    public Task DisposeAsync() => azurite.DisposeAsync();

    [Fact]
    public async Task A_request_waiting_for_verification_survives_kill_9_and_completes_after_restart()
    {
        var hub = "crash" + Guid.NewGuid().ToString("N")[..8];
        await using var first = new EngineProcess(azurite.ConnectionString, hub);
        await first.StartAsync();
        var alan = DemoDataSeeder.People[2];
        var id = await first.SubmitAsync(new { type = "deletion", email = alan.Email, fullName = alan.FullName });
        var code = await first.CodeAsync(id);
        Assert.Equal("AwaitingVerification", (await first.StatusAsync(id)).GetProperty("status").GetString());

        await first.KillAsync();

        await using var second = new EngineProcess(azurite.ConnectionString, hub, new Dictionary<string, string>
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
    }
}

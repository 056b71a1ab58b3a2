using System.Net;
using Comintech.Dsr.LocalEngine.Demo;
using Comintech.Dsr.Testing;

namespace Comintech.Dsr.LocalEngine.Tests;

/// <summary>Two engine processes on one task hub share the work; when one is killed, the other finishes everything.</summary>
public sealed class TwoEnginesTests : IAsyncLifetime
{
    private readonly AzuriteFixture azurite = new();

    public Task InitializeAsync() => azurite.InitializeAsync();

    public Task DisposeAsync() => azurite.DisposeAsync();

    [Fact]
    public async Task The_second_engine_on_a_hub_takes_over_the_killed_first_engines_requests_promptly()
    {
        var hub = "twins" + Guid.NewGuid().ToString("N")[..8];
        var mail = Directory.CreateTempSubdirectory("dsr-mail-").FullName;
        Dictionary<string, string> Settings(string worker) => new()
        {
            ["Engine__WorkerId"] = worker,
            ["Dsr__Mail__PickupDirectory"] = mail,
            ["Logging__LogLevel__Comintech.Dsr.Notifications"] = "Information",
        };
        await using var first = new EngineProcess(azurite.ConnectionString, hub, Settings("engine-a"));
        await using var second = new EngineProcess(azurite.ConnectionString, hub, Settings("engine-b"));
        await first.StartAsync();

        // The first engine alone takes the hub's partition; the requests then wait in it for their codes.
        var ids = new List<string>();
        foreach (var person in DemoDataSeeder.People)
        {
            ids.Add(await first.SubmitAsync(new { type = "access", email = person.Email, fullName = person.FullName }));
        }

        await second.StartAsync();
        var codes = new List<string>();
        foreach (var id in ids)
        {
            codes.Add(MailPickup.CodeIn(await MailPickup.WaitForAsync(mail, $"{id}.code-1.eml", TimeSpan.FromSeconds(60))));
        }

        await first.KillAsync();
        var killedAt = DateTime.UtcNow;
        for (var i = 0; i < ids.Count; i++)
        {
            using var verified = await second.VerifyAsync(ids[i], codes[i]);
            Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        }

        foreach (var id in ids)
        {
            await second.WaitForStatusAsync(id, "Completed", TimeSpan.FromSeconds(120));
        }

        var takeover = DateTime.UtcNow - killedAt;
        Assert.True(takeover < TimeSpan.FromSeconds(45), $"The surviving engine took {takeover} to finish the killed one's requests.");
        Assert.Contains("written to", second.Output, StringComparison.Ordinal);
        Directory.Delete(mail, recursive: true);
    }
}

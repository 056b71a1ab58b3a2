using System.Net;
using Comintech.Dsr.LocalEngine.Demo;
using Comintech.Dsr.Testing;
using Xunit.Abstractions;

namespace Comintech.Dsr.LocalEngine.Tests;

/// <summary>Two engine processes on one task hub share the work; when one is killed, the other finishes everything.</summary>
public sealed class TwoEnginesTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly AzuriteFixture azurite = new();

    public Task InitializeAsync() => azurite.InitializeAsync();

    public Task DisposeAsync() => azurite.DisposeAsync();

    [Fact]
    public async Task The_second_engine_on_a_hub_takes_over_the_killed_first_engines_requests_promptly()
    {
        var hub = NewHub();
        var mail = Directory.CreateTempSubdirectory("dsr-mail-").FullName;
        Dictionary<string, string> Settings(string worker) => EngineSettings(worker, mail, partitions: 1);
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

        var takeover = await KillAndFinishOnAsync(first, second, ids, codes);
        Assert.True(takeover < TimeSpan.FromSeconds(45), $"The surviving engine took {takeover} to finish the killed one's requests.");
        Assert.Contains("written to", second.Output, StringComparison.Ordinal);
        Directory.Delete(mail, recursive: true);
    }

    [Fact]
    public async Task Two_engines_on_a_four_partition_hub_share_orchestrations_and_steps_and_one_finishes_after_the_other_is_killed()
    {
        var hub = NewHub();
        var mail = Directory.CreateTempSubdirectory("dsr-mail-").FullName;
        await using var first = new EngineProcess(azurite.ConnectionString, hub, EngineSettings("engine-a", mail, partitions: 4));
        await using var second = new EngineProcess(azurite.ConnectionString, hub, EngineSettings("engine-b", mail, partitions: 4));
        await first.StartAsync();
        await second.StartAsync();

        // The hub's four partitions are balanced between the two: each engine runs orchestrations of its own.
        await WaitUntilAsync(() => Taken(first, "engine-a") > 0 && Taken(second, "engine-b") > 0, TimeSpan.FromSeconds(90), () => first.Output + second.Output);

        // A step goes to whichever engine polls the shared work-item queue first, so one batch can land on one engine:
        // further batches follow (at most three) until both have run steps.
        var ids = new List<string>();
        var codes = new List<string>();
        for (var batch = 0; batch < 4 && (batch == 0 || Mails(first) == 0 || Mails(second) == 0); batch++)
        {
            var submitted = new List<string>();
            for (var i = ids.Count; i < ids.Count + 8; i++)
            {
                var engine = i % 2 == 0 ? first : second;
                submitted.Add(await engine.SubmitAsync(new { type = "access", email = $"twin{i}@example.org", fullName = $"Twin {i}" }));
            }

            foreach (var id in submitted)
            {
                codes.Add(MailPickup.CodeIn(await MailPickup.WaitForAsync(mail, $"{id}.code-1.eml", TimeSpan.FromSeconds(60))));
            }

            ids.AddRange(submitted);
        }

        // Both engines ran steps (each mail is written by the engine that ran its step).
        output.WriteLine($"Partitions before the kill: engine-a {Taken(first, "engine-a")}, engine-b {Taken(second, "engine-b")}; mails: {Mails(first)} and {Mails(second)}.");
        Assert.True(Mails(first) > 0 && Mails(second) > 0, $"Steps ran on one engine only: {Mails(first)} and {Mails(second)} mails.");

        var takeover = await KillAndFinishOnAsync(first, second, ids, codes);
        output.WriteLine($"After the kill, engine-b finished all {ids.Count} requests in {takeover.TotalSeconds:0.0} s.");
        Assert.True(takeover < TimeSpan.FromSeconds(60), $"The surviving engine took {takeover} to finish every request.");
        Assert.Equal(4, Taken(second, "engine-b"));

        // The hub was made with four partitions: an engine configured with another count refuses to start on it.
        await using var mismatched = new EngineProcess(azurite.ConnectionString, hub, EngineSettings("engine-c", mail, partitions: 2));
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(mismatched.StartAsync);
        Assert.Contains("was created with 4 partitions", refused.Message, StringComparison.Ordinal);
        Directory.Delete(mail, recursive: true);
    }

    /// <summary>Kills <paramref name="killed"/>, verifies every request on <paramref name="survivor"/> and waits until all complete.</summary>
    private static async Task<TimeSpan> KillAndFinishOnAsync(EngineProcess killed, EngineProcess survivor, IReadOnlyList<string> ids, IReadOnlyList<string> codes)
    {
        await killed.KillAsync();
        var killedAt = DateTime.UtcNow;
        for (var i = 0; i < ids.Count; i++)
        {
            using var verified = await survivor.VerifyAsync(ids[i], codes[i]);
            Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        }

        foreach (var id in ids)
        {
            await survivor.WaitForStatusAsync(id, "Completed", TimeSpan.FromSeconds(120));
        }

        return DateTime.UtcNow - killedAt;
    }

    private static string NewHub() => "twins" + Guid.NewGuid().ToString("N")[..8];

    private static Dictionary<string, string> EngineSettings(string worker, string mail, int partitions) => new()
    {
        ["Engine__WorkerId"] = worker,
        ["Engine__PartitionCount"] = partitions.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Dsr__Mail__PickupDirectory"] = mail,
        ["Logging__LogLevel__Comintech.Dsr.Notifications"] = "Information",
        ["Logging__LogLevel__Comintech.Dsr.LocalEngine.Engine"] = "Information",
    };

    /// <summary>Distinct partitions the engine has said it took.</summary>
    private static int Taken(EngineProcess engine, string worker) => engine.Output.Split('\n')
        .Where(line => line.Contains($"taken by worker {worker}", StringComparison.Ordinal))
        .Select(line => line[line.IndexOf("Partition ", StringComparison.Ordinal)..].Split(' ')[1])
        .Distinct(StringComparer.Ordinal)
        .Count();

    private static int Mails(EngineProcess engine) => engine.Output.Split('\n').Count(line => line.Contains("written to", StringComparison.Ordinal));

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> diagnostics)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not reached within {timeout}:\n{diagnostics()}");
            await Task.Delay(500);
        }
    }
}

using Comintech.Dsr.Fulfilment;
using Comintech.Dsr.Testing;
using Comintech.Dsr.Workflow;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Comintech.Dsr.Integration.Tests.Inbox;

/// <summary>
/// Azurite, the core services on it, and an in-process Durable Task host that runs the real orchestrator with activities
/// that only acknowledge: enough to see which requests were started and which were not.
/// </summary>
public sealed class InboxFixture : IAsyncLifetime
{
    public AzuriteFixture Azurite { get; } = new();

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public ServiceProvider Services { get; private set; } = null!;

    public DurableTaskTestHost Host { get; private set; } = null!;

    public string PickupDirectory { get; } = Directory.CreateTempSubdirectory("dsr-inbox-mail-").FullName;

    public async Task InitializeAsync()
    {
        await Azurite.InitializeAsync();
        Services = TestServices.Build(
            TestServices.Configuration(Azurite.ConnectionString, PickupDirectory, new Dictionary<string, string?> { ["Dsr:Inbox:AuthServIds:0"] = "mx.comintech.example" }),
            services => services.AddSingleton<TimeProvider>(Clock));
        Host = await TestDurableHost.StartAsync(registry =>
        {
            registry.AddOrchestrator<DsrRequestOrchestrator>();
            registry.AddActivityFunc<string, bool>(DsrActivityNames.SendAcknowledgement, (_, _) => true);
            registry.AddActivityFunc<SendCodeInput, bool>(DsrActivityNames.SendVerificationCode, (_, _) => true);
        });
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Services.DisposeAsync();
        await Azurite.DisposeAsync();
        Directory.Delete(PickupDirectory, recursive: true);
    }
}

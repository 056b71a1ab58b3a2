using Comintech.Dsr.Testing;

namespace Comintech.Dsr.LocalEngine.Tests;

/// <summary>Azurite plus one local engine process on it, shared by a test class.</summary>
public class EngineFixture : IAsyncLifetime
{
    public AzuriteFixture Azurite { get; } = new();

    public EngineProcess Engine { get; private set; } = null!;

    /// <summary>Extra engine settings (environment variables) of a derived fixture.</summary>
    protected virtual IDictionary<string, string>? Settings => null;

    public async Task InitializeAsync()
    {
        await Azurite.InitializeAsync();
        Engine = new EngineProcess(Azurite.ConnectionString, "e2e" + Guid.NewGuid().ToString("N")[..8], Settings);
        await Engine.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Engine.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}

using System.Net.Http.Json;
using System.Text.Json;
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

public static class EngineRequests
{
    public static async Task<string> SubmitAsync(this EngineProcess engine, object body)
    {
        using var response = await engine.Http.PostAsJsonAsync(new Uri("/api/requests", UriKind.Relative), body);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return json.GetProperty("requestId").GetString()!;
    }

    public static async Task<string> CodeAsync(this EngineProcess engine, string requestId, int issue = 1)
    {
        var mail = await MailPickup.WaitForAsync(engine.PickupDirectory, $"{requestId}.code-{issue}.eml", TimeSpan.FromSeconds(60));
        return MailPickup.CodeIn(mail);
    }

    public static Task<HttpResponseMessage> VerifyAsync(this EngineProcess engine, string requestId, string code) =>
        engine.Http.PostAsJsonAsync(new Uri($"/api/requests/{requestId}/verify", UriKind.Relative), new { code });
}

using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Comintech.Dsr.LocalEngine.Storage;
using Comintech.Dsr.Testing;

namespace Comintech.Dsr.LocalEngine.Tests;

/// <summary>
/// Azurite, the demo's own stores plus one store reached over HTTP, a loopback server standing in for that store's service
/// (it records every request body, answers 202 and <c>{}</c>), and an engine on all of it.
/// </summary>
public sealed class DemoMapEngine : IAsyncDisposable
{
    private readonly HttpListener server = new();
    private readonly string dataMapFile = Path.Combine(Path.GetTempPath(), $"dsr-datamap-{Guid.NewGuid():N}.json");

    private DemoMapEngine()
    {
        ServerUrl = $"http://127.0.0.1:{AzuriteProcess.FreePort()}/";
    }

    public AzuriteFixture Azurite { get; } = new();

    public EngineProcess Engine { get; private set; } = null!;

    public string ServerUrl { get; }

    /// <summary>Every request the loopback server received: its path and body.</summary>
    public ConcurrentQueue<(string Path, string Body)> Received { get; } = new();

    /// <param name="store">The extra data-map store, given the loopback server's address.</param>
    /// <param name="editMap">Further changes to the whole map (e.g. named recipients), given the loopback server's address.</param>
    public static async Task<DemoMapEngine> StartAsync(Func<string, JsonObject> store, IDictionary<string, string> settings, Action<JsonNode, string>? editMap = null)
    {
        var fixture = new DemoMapEngine();
        await fixture.Azurite.InitializeAsync();
        fixture.server.Prefixes.Add(fixture.ServerUrl);
        fixture.server.Start();
        _ = Task.Run(fixture.ServeAsync);
        var demo = JsonNode.Parse(await File.ReadAllTextAsync(EngineProcess.OwnStoresMap))!;
        demo["DataMap"]!["Stores"]!.AsArray().Add(store(fixture.ServerUrl));
        editMap?.Invoke(demo, fixture.ServerUrl);
        await File.WriteAllTextAsync(fixture.dataMapFile, demo.ToJsonString());
        fixture.Engine = new EngineProcess(
            fixture.Azurite.ConnectionString,
            "demo" + Guid.NewGuid().ToString("N")[..8],
            new Dictionary<string, string>(settings) { ["DataMap__File"] = fixture.dataMapFile });
        await fixture.Engine.StartAsync();
        return fixture;
    }

    public async ValueTask DisposeAsync()
    {
        if (Engine is not null)
        {
            await Engine.DisposeAsync();
        }

        server.Close();
        File.Delete(dataMapFile);
        await Azurite.DisposeAsync();
    }

    private async Task ServeAsync()
    {
        while (server.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await server.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using (var reader = new StreamReader(context.Request.InputStream))
            {
                Received.Enqueue((context.Request.Url!.AbsolutePath, await reader.ReadToEndAsync()));
            }

            context.Response.StatusCode = 202;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync("{}"u8.ToArray());
            context.Response.Close();
        }
    }
}

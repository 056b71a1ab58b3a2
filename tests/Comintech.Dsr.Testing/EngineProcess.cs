using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Comintech.Dsr.LocalEngine.Storage;

namespace Comintech.Dsr.Testing;

/// <summary>
/// The local engine as a separate process (the way an operator runs it), so a test can kill -9 it and start it again
/// on the same storage and task hub. Unless a test names its own map (<c>DataMap__File</c>), the engine runs on
/// <see cref="OwnStoresMap"/>: the demo's own tables and logs, none of which waits on a partner or staff.
/// </summary>
public sealed class EngineProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> environment;
    private readonly List<string> output = [];
    private Process? process;

    public EngineProcess(string storageConnectionString, string taskHubName, IDictionary<string, string>? settings = null)
    {
        Port = AzuriteProcess.FreePort();
        PickupDirectory = Directory.CreateTempSubdirectory("dsr-mail-").FullName;
        BaseUrl = $"http://127.0.0.1:{Port}";
        environment = new Dictionary<string, string>
        {
            ["Engine__Url"] = BaseUrl,
            ["Engine__TaskHubName"] = taskHubName,
            ["Engine__WorkerId"] = "engine-" + taskHubName,
            ["Dsr__StorageConnectionString"] = storageConnectionString,
            ["Dsr__PublicBaseUrl"] = BaseUrl,
            ["Dsr__IdentifierHashKey"] = TestServices.HashKey,
            ["Dsr__Protection__Key"] = TestServices.ProtectionKey,
            ["Dsr__Mail__PickupDirectory"] = PickupDirectory,
            ["Logging__LogLevel__Default"] = "Warning",
            // Tests share one client address and reuse the demo people: the per-IP limits are raised as benchmarks raise them.
            ["Dsr__Limits__PerIpWrites"] = "100000",
            ["Dsr__Limits__PerIpReads"] = "100000",
            ["DataMap__File"] = OwnStoresMap,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        Http = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
    }

    private static readonly Lazy<string> OwnStoresMapFile = new(WriteOwnStoresMap);

    /// <summary>
    /// The demo map with only Comintech's own tables and logs (written once from <see cref="DemoMap"/>, so it follows it):
    /// requests over it complete without partners, Clients or staff.
    /// </summary>
    public static string OwnStoresMap => OwnStoresMapFile.Value;

    /// <summary>The full demo map the engine ships (every kind that runs without an external service).</summary>
    public static string DemoMap => Path.Combine(AppContext.BaseDirectory, "datamap.json");

    public int Port { get; }

    /// <summary>The running engine's process id (a benchmark reads its CPU time).</summary>
    public int? ProcessId => process is { HasExited: false } ? process.Id : null;

    private static string WriteOwnStoresMap()
    {
        var map = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(DemoMap))!;
        var stores = map["DataMap"]!["Stores"]!.AsArray();
        foreach (var store in stores.Where(s => s!["Kind"]!.GetValue<string>() is not ("AzureTable" or "BlobWebLogs")).ToList())
        {
            stores.Remove(store);
        }

        var path = Path.Combine(Path.GetTempPath(), $"dsr-own-stores-{Environment.ProcessId}.json");
        File.WriteAllText(path, map.ToJsonString());
        return path;
    }

    public string BaseUrl { get; }

    public string PickupDirectory { get; }

    public HttpClient Http { get; }

    /// <summary>What the engine logged: its output without the start banner (whose demo walk-through names a demo person).</summary>
    public string Logged
    {
        get
        {
            var text = Output;
            var start = text.IndexOf("Comintech DSR local engine is running.", StringComparison.Ordinal);
            var end = text.IndexOf("Press Ctrl+C to stop.", StringComparison.Ordinal);
            return start < 0 || end < start ? text : text[..start] + text[end..];
        }
    }

    public string Output
    {
        get
        {
            lock (output)
            {
                return string.Join('\n', output);
            }
        }
    }

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Comintech.Dsr.LocalEngine.dll"));
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the local engine.");
        process.OutputDataReceived += (_, e) => Capture(e.Data);
        process.ErrorDataReceived += (_, e) => Capture(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (process.HasExited)
            {
                // Without a timeout it also waits for the redirected output to be read to its end.
                await process.WaitForExitAsync();
                throw new InvalidOperationException($"The local engine exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await Http.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The local engine did not answer within 90 s:\n{Output}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, as in a crash.</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async Task<JsonElement> StatusAsync(string requestId) =>
        await Http.GetFromJsonAsync<JsonElement>(new Uri($"/api/requests/{requestId}", UriKind.Relative));

    public async Task<JsonElement> WaitForStatusAsync(string requestId, string status, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var current = await StatusAsync(requestId);
            if (current.GetProperty("status").GetString() == status)
            {
                return current;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Request {requestId} is {current} after {timeout.TotalSeconds} s, not {status}.\n{Output}");
            }

            await Task.Delay(500);
        }
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Add(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process?.Dispose();
        Http.Dispose();
        try
        {
            Directory.Delete(PickupDirectory, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}

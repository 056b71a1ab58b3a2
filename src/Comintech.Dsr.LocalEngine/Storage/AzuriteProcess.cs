using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace Comintech.Dsr.LocalEngine.Storage;

/// <summary>
/// Azurite (the Azure Storage emulator) from the repository's npm dependencies, on loopback. Used by the local engine
/// when no storage account is configured, and by the tests. Blob, queue and table storage run as three node processes
/// (the package's <c>azurite-blob</c>, <c>azurite-queue</c> and <c>azurite-table</c>), and optionally a second table
/// process for the task hub: node runs each service's work on one thread, so one process for all keeps a storm's queue
/// and table work on one core.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";

    // The emulator's published well-known development key; it protects nothing.
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Dictionary<string, Process> processes;

    private readonly Dictionary<string, ServiceOutput> outputs = new(StringComparer.Ordinal);

    /// <summary>The key of the task hub's own table service in <see cref="Processes"/>.</summary>
    public const string TaskHubTableService = "task hub table";

    private AzuriteProcess(Dictionary<string, Process> processes, int blobPort, int queuePort, int tablePort, int taskHubTablePort)
    {
        this.processes = processes;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
        TaskHubTablePort = taskHubTablePort;
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    /// <summary>The task hub's own table service, or 0 when the task hub shares <see cref="TablePort"/>.</summary>
    public int TaskHubTablePort { get; }

    /// <summary>True when an emulator was already listening on every port and none was started.</summary>
    public bool Reused => processes.Count == 0;

    /// <summary>
    /// The process id of each service this instance started (blob, queue, table and <see cref="TaskHubTableService"/>;
    /// those reused are left out): a benchmark reads their CPU time.
    /// </summary>
    public IReadOnlyDictionary<string, int> Processes => processes.ToDictionary(p => p.Key, p => p.Value.Id, StringComparer.Ordinal);

    public string ConnectionString => ConnectionStringFor(BlobPort, QueuePort, TablePort);

    /// <summary>
    /// The account the Durable Task backend uses: the same blob and queue services, and the task hub's own table
    /// service when one was started (node runs each process's work on one thread: the engine's history loads, each a scan
    /// of the history table on Azurite, then run on another core than the requests, evidence and run records).
    /// </summary>
    public string TaskHubConnectionString => TaskHubTablePort > 0 ? ConnectionStringFor(BlobPort, QueuePort, TaskHubTablePort) : ConnectionString;

    public static string ConnectionStringFor(int blobPort, int queuePort, int tablePort) =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};"
        + $"BlobEndpoint=http://127.0.0.1:{blobPort}/{AccountName};QueueEndpoint=http://127.0.0.1:{queuePort}/{AccountName};"
        + $"TableEndpoint=http://127.0.0.1:{tablePort}/{AccountName};";

    /// <summary>
    /// Starts Azurite's three services. With <paramref name="location"/> null their data lives in memory only. With
    /// <paramref name="reuseIfListening"/> a service whose port already answers is used as it is (an emulator left
    /// running, or one started by hand) and only the others are started. With <paramref name="taskHubTablePort"/> above 0
    /// a second table service, its data in <c>&lt;location&gt;/taskhub</c>, holds the Durable Task backend's tables (see
    /// <see cref="TaskHubConnectionString"/>).
    /// </summary>
    public static async Task<AzuriteProcess> StartAsync(
        string repositoryRoot, string? location, int blobPort, int queuePort, int tablePort, bool reuseIfListening, int taskHubTablePort = 0,
        CancellationToken cancellationToken = default)
    {
        var wanted = new List<(string Name, string Service, int Port, string? Location)>
        {
            ("blob", "blob", blobPort, location), ("queue", "queue", queuePort, location), ("table", "table", tablePort, location),
        };
        if (taskHubTablePort > 0)
        {
            wanted.Add((TaskHubTableService, "table", taskHubTablePort, location is null ? null : Path.Combine(location, "taskhub")));
        }

        var missing = wanted.Where(instance => !(reuseIfListening && IsListening(instance.Port))).ToList();
        var scripts = missing.Select(i => i.Service).Distinct().ToDictionary(service => service, service => Path.Combine(repositoryRoot, "node_modules", "azurite", "dist", "src", service, "main.js"));
        if (scripts.Values.FirstOrDefault(script => !File.Exists(script)) is { } absent)
        {
            throw new InvalidOperationException($"Azurite is not installed: run 'npm ci' in {repositoryRoot} (looked for {absent}).");
        }

        foreach (var folder in missing.Select(i => i.Location).OfType<string>().Distinct())
        {
            Directory.CreateDirectory(folder);
        }

        var azurite = new AzuriteProcess([], blobPort, queuePort, tablePort, taskHubTablePort);
        try
        {
            foreach (var instance in missing)
            {
                var output = azurite.outputs[instance.Name] = new ServiceOutput();
                azurite.processes[instance.Name] = Start(repositoryRoot, scripts[instance.Service], instance.Service, instance.Port, instance.Location, output);
            }

            // Ready when each service says it listens: a port that answers may be another process's (one that took the
            // port first), while this service exits with EADDRINUSE.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!missing.All(instance => azurite.outputs[instance.Name].Listening))
            {
                var exited = azurite.processes.Where(p => p.Value.HasExited).ToList();
                if (exited.Count > 0 || DateTime.UtcNow > deadline)
                {
                    var why = exited.Count == 0
                        ? "not listening after 60 s"
                        : string.Join("; ", exited.Select(p => $"{p.Key} exited with code {p.Value.ExitCode}: {azurite.outputs[p.Key]}"));
                    throw new InvalidOperationException($"Azurite did not start on ports {string.Join('/', wanted.Select(i => i.Port))} ({why}).");
                }

                await Task.Delay(100, cancellationToken);
            }

            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    private static Process Start(string repositoryRoot, string script, string service, int port, string? location, ServiceOutput output)
    {
        var start = new ProcessStartInfo("node")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = repositoryRoot,
        };
        foreach (var argument in new[]
        {
            script, "--silent", "--disableTelemetry", "--skipApiVersionCheck",
            $"--{service}Host", "127.0.0.1", $"--{service}Port", port.ToString(CultureInfo.InvariantCulture),
        })
        {
            start.ArgumentList.Add(argument);
        }

        if (location is null)
        {
            start.ArgumentList.Add("--inMemoryPersistence");
        }
        else
        {
            // Each service keeps its own files (__azurite_db_<service>__.json...), the same names as one process uses.
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(location);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start node for Azurite's {service} service.");
        process.OutputDataReceived += (_, line) => output.Add(line.Data);
        process.ErrorDataReceived += (_, line) => output.Add(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>
    /// Whether a service has said it listens (blob and queue: "successfully listens on", table: "successfully started on"),
    /// and the last lines it wrote, for the message when it does not start.
    /// </summary>
    private sealed class ServiceOutput
    {
        private const int LinesKept = 5;
        private readonly ConcurrentQueue<string> lines = new();
        private volatile bool listening;

        public bool Listening => listening;

        public void Add(string? line)
        {
            if (line is not { Length: > 0 })
            {
                return;
            }

            listening |= line.Contains("successfully listens on", StringComparison.Ordinal) || line.Contains("successfully started on", StringComparison.Ordinal);
            lines.Enqueue(line);
            while (lines.Count > LinesKept)
            {
                lines.TryDequeue(out var _);
            }
        }

        public override string ToString() => string.Join(" | ", lines);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in processes.Values)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        foreach (var process in processes.Values)
        {
            await process.WaitForExitAsync();
            process.Dispose();
        }

        processes.Clear();
    }
}

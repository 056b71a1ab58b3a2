using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Comintech.Dsr.LocalEngine.Engine;
using Comintech.Dsr.LocalEngine.Storage;
using Comintech.Dsr.Storage;
using Comintech.Dsr.Telemetry;
using Xunit;

namespace Comintech.Dsr.Testing;

/// <summary>One Azurite per test class, on free loopback ports, its data in a temporary folder.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteProcess? azurite;

    /// <summary>
    /// The task hub's tables in a table service of their own, as the local engine starts Azurite
    /// (see <see cref="TaskHubConnectionString"/>).
    /// </summary>
    public bool TaskHubTablesApart { get; init; }

    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), "dsr-azurite-" + Guid.NewGuid().ToString("N"));

    public string ConnectionString => azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite is not running.");

    /// <summary>The account for the Durable Task backend: <see cref="ConnectionString"/> unless the task hub's tables are apart.</summary>
    public string TaskHubConnectionString => azurite?.TaskHubConnectionString ?? throw new InvalidOperationException("Azurite is not running.");

    /// <summary>The process id of each Azurite service (blob, queue, table, and the task hub's table service when apart).</summary>
    public IReadOnlyDictionary<string, int> Processes => azurite?.Processes ?? new Dictionary<string, int>();

    public DsrStorage Storage => new(new TableServiceClient(ConnectionString), new BlobServiceClient(ConnectionString));

    /// <summary>The same storage, its table transactions counted in <paramref name="transactions"/>.</summary>
    public DsrStorage CountedStorage(StorageTransactions transactions) => new(
        new TableServiceClient(ConnectionString, transactions.Attach(new TableClientOptions(), StorageTransactions.Table)), new BlobServiceClient(ConnectionString));

    public async Task InitializeAsync()
    {
        azurite = await StartOnFreePortsAsync();
        await Storage.EnsureCreatedAsync();
        await Storage.Tables.GetTableClient(TestServices.DefaultStoreTable).CreateIfNotExistsAsync();
    }

    /// <summary>
    /// A free port is released before Azurite binds it, and the fixtures of test classes running side by side pick ports
    /// at the same time: a service that loses its port to another exits, and the start is tried again on other ports.
    /// </summary>
    private async Task<AzuriteProcess> StartOnFreePortsAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AzuriteProcess.StartAsync(
                    RepositoryPaths.Root, DataFolder, AzuriteProcess.FreePort(), AzuriteProcess.FreePort(), AzuriteProcess.FreePort(), reuseIfListening: false,
                    taskHubTablePort: TaskHubTablesApart ? AzuriteProcess.FreePort() : 0);
            }
            catch (InvalidOperationException ex) when (attempt < 3 && ex.Message.Contains("exited", StringComparison.Ordinal))
            {
                Console.Error.WriteLine($"Retrying on other ports: {ex.Message}");
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }

        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean; a test never depends on it.
        }
    }
}

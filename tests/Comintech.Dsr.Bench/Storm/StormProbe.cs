using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Comintech.Dsr.Testing;

namespace Comintech.Dsr.Bench.Storm;

/// <summary>
/// CPU seconds (user + system) the storage emulator (per service: blob, queue, table), the engine and the driver spent
/// during a run.
/// </summary>
public sealed record CpuUse(IReadOnlyDictionary<string, double> AzuriteServices, double Engine, double Driver)
{
    public double Azurite => AzuriteServices.Values.Sum();

    public static CpuUse Now(IReadOnlyDictionary<string, int> azurite, int? engine) =>
        new(azurite.ToDictionary(p => p.Key, p => Seconds(p.Value), StringComparer.Ordinal), Seconds(engine), Seconds(Environment.ProcessId));

    public CpuUse Since(CpuUse start) => new(
        AzuriteServices.ToDictionary(p => p.Key, p => p.Value - start.AzuriteServices.GetValueOrDefault(p.Key), StringComparer.Ordinal),
        Engine - start.Engine,
        Driver - start.Driver);

    /// <summary>From <c>/proc/&lt;pid&gt;/stat</c> (utime and stime, in clock ticks of 1/100 s); 0 where there is none.</summary>
    private static double Seconds(int? pid)
    {
        var path = $"/proc/{pid}/stat";
        if (pid is null || !File.Exists(path))
        {
            return 0;
        }

        var fields = File.ReadAllText(path);
        var after = fields[(fields.LastIndexOf(')') + 2)..].Split(' ');
        // after[0] is field 3 (state): utime is field 14, stime field 15.
        return (long.Parse(after[11], CultureInfo.InvariantCulture) + long.Parse(after[12], CultureInfo.InvariantCulture)) / 100.0;
    }
}

/// <summary>
/// After a run, on the idle emulator: how many rows each growing table holds and what one partition query costs there
/// beside a point read (Azurite answers every query that is not a point read by scanning the whole table), the messages
/// each queue holds, and the size of the emulator's database files (Azurite rewrites one whole every few seconds while
/// anything in it changes).
/// </summary>
public static class StormProbe
{
    private const int Samples = 5;

    public static async Task PrintAsync(AzuriteFixture azurite, TextWriter log)
    {
        await PrintTablesAsync(azurite.ConnectionString, log);
        if (azurite.TaskHubConnectionString != azurite.ConnectionString)
        {
            await PrintTablesAsync(azurite.TaskHubConnectionString, log);
        }

        // Azurite keeps every queue's messages in one collection and re-sorts its indexes at each read and delete, so
        // each queue operation costs more with every message held, visible or not (a durable timer waits as a message).
        var queues = new QueueServiceClient(azurite.ConnectionString);
        await foreach (var item in queues.GetQueuesAsync())
        {
            var properties = await queues.GetQueueClient(item.Name).GetPropertiesAsync();
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    queue {item.Name,-24} {properties.Value.ApproximateMessagesCount,8:N0} messages held"));
        }

        foreach (var file in Directory.EnumerateFiles(azurite.DataFolder, "__azurite_db_*", SearchOption.AllDirectories))
        {
            var name = Path.GetRelativePath(azurite.DataFolder, file);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {name,-38} {new FileInfo(file).Length / 1e6,8:0.0} MB on disk"));
        }
    }

    private static async Task PrintTablesAsync(string connectionString, TextWriter log)
    {
        var service = new TableServiceClient(connectionString);
        await foreach (var item in service.QueryAsync())
        {
            if (item.Name.StartsWith("Chaos", StringComparison.Ordinal))
            {
                continue;
            }

            var table = service.GetTableClient(item.Name);
            var keys = new List<(string Partition, string Row)>();
            await foreach (var row in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
            {
                keys.Add((row.PartitionKey, row.RowKey));
            }

            if (keys.Count < 100)
            {
                continue;
            }

            var (partition, rowKey) = keys[keys.Count / 2];
            var query = await TimeAsync(async () =>
            {
                await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}")))
                {
                }
            });
            var point = await TimeAsync(() => table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey));
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    {item.Name,-30} {keys.Count,8:N0} rows: a partition query {query:0.0} ms, a point read {point:0.0} ms"));
        }
    }

    private static async Task<double> TimeAsync(Func<Task> once)
    {
        await once();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Samples; i++)
        {
            await once();
        }

        return clock.Elapsed.TotalMilliseconds / Samples;
    }
}

using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Connectors.AzureTable;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Storage;
using Comintech.Dsr.Telemetry;
using Comintech.Dsr.Testing;
using Microsoft.Extensions.Configuration;

namespace Comintech.Dsr.Bench.Keyed;

/// <summary>
/// <c>./bench.sh keyed</c>: an AzureTable store of a small and of a large size, seeded with batch writes; erasures for
/// the same number of people with the keyed lookup and with the scan: storage transactions and time per request.
/// </summary>
public static class KeyedLookupBench
{
    public static async Task<int> RunAsync(IReadOnlyDictionary<string, int> settings, TextWriter log)
    {
        var azurite = new AzuriteFixture();
        try
        {
            await azurite.InitializeAsync();
            log.WriteLine($"{"rows",10} {"lookup",-6} {"transactions/request",22} {"ms/request",12}");
            var figures = new List<(int Rows, string Lookup, double Transactions)>();
            foreach (var rows in new[] { settings["--small-rows"], settings["--rows"] })
            {
                var table = await SeedAsync(azurite, rows);
                foreach (var lookup in new[] { "Key", "Scan" })
                {
                    var offset = lookup == "Key" ? 0 : settings["--requests"];
                    var (transactions, milliseconds) = await EraseAsync(azurite, table, lookup, offset, settings["--requests"]);
                    figures.Add((rows, lookup, transactions));
                    log.WriteLine($"{rows,10} {lookup,-6} {transactions,22:0.0} {milliseconds,12:0.0}");
                }
            }

            var keyed = figures.Where(f => f.Lookup == "Key").Select(f => f.Transactions).Distinct().ToList();
            log.WriteLine($"keyed lookup costs the same transactions per request at {settings["--small-rows"]} and {settings["--rows"]} rows: {(keyed.Count == 1 ? "yes" : "NO")}");
            return keyed.Count == 1 ? 0 : 1;
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }

    private static async Task<string> SeedAsync(AzuriteFixture azurite, int rows)
    {
        var clock = Stopwatch.StartNew();
        var table = azurite.Storage.Tables.GetTableClient($"Keyed{rows}");
        await table.CreateIfNotExistsAsync();
        await Parallel.ForEachAsync(Enumerable.Range(0, rows).Chunk(100), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (chunk, ct) =>
            await table.SubmitTransactionAsync(
                chunk.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("people", AccountId(p))
                {
                    ["Email"] = Email(p), ["AccountId"] = AccountId(p), ["FullName"] = $"Person {p}",
                })),
                ct));
        Console.WriteLine($"  seeded {rows} rows in {clock.Elapsed.TotalSeconds:0.0} s (batches of 100)");
        return table.Name;
    }

    private static async Task<(double Transactions, double Milliseconds)> EraseAsync(AzuriteFixture azurite, string table, string lookup, int offset, int people)
    {
        var transactions = new StorageTransactions();
        var storage = azurite.CountedStorage(transactions);
        var connector = new AzureTableConnector(storage, new StoreAccounts(storage, new ConfigurationBuilder().Build()), TimeProvider.System);
        var store = new DataStoreDefinition
        {
            Id = "customers",
            Name = "Customers",
            Kind = AzureTableConnector.KindName,
            Settings = new(StringComparer.OrdinalIgnoreCase) { ["Table"] = table, ["Lookup"] = lookup, ["PartitionKey"] = "people", ["RowKey"] = "{AccountId}" },
        };
        var clock = Stopwatch.StartNew();
        for (var p = offset; p < offset + people; p++)
        {
            var subject = new DataSubject(Email(p), $"Person {p}", AccountId(p));
            var outcome = await connector.EraseAsync(
                new ConnectorRequest(RequestId.New(), store, ConnectorAction.Erase, "bench", subject, new Dictionary<string, string>()), CancellationToken.None);
            if (outcome.RecordsAffected != 1)
            {
                throw new InvalidOperationException($"Person {p}: {outcome.RecordsAffected} rows erased, not 1.");
            }
        }

        return ((double)transactions.Snapshot().Values.Sum() / people, clock.Elapsed.TotalMilliseconds / people);
    }

    private static string AccountId(int person) => $"C-{person:D7}";

    private static string Email(int person) => $"customer{person:D7}@keyed.example";
}

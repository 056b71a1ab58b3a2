using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Comintech.Dsr.Storage;

namespace Comintech.Dsr.Testing.Chaos;

/// <summary>
/// A data map of twelve Azure Table stores, each holding one row per chaos person. Scanned (found by the e-mail and
/// account id properties, rows keyed by account id), or <c>keyed</c>: rows keyed by e-mail address and read by key
/// (<c>Lookup = Key</c>), as a store of real size is configured.
/// </summary>
public static class ChaosDataMap
{
    public const int StoreCount = 12;

    private const string Partition = "people";

    public static string TableFor(int store) => $"Chaos{store:D2}";

    public static string StoreId(int store) => $"chaos-{store:D2}";

    public static string Email(int person) => $"person{person:D4}@chaos.example";

    public static string AccountId(int person) => $"CH-{person:D4}";

    public static string FullName(int person) => $"Chaos Person {person:D4}";

    public static async Task<string> WriteAsync(string folder, int count = StoreCount, bool keyed = false)
    {
        var stores = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            stores.Add(new JsonObject
            {
                ["Id"] = StoreId(i),
                ["Name"] = $"Chaos store {i:D2}",
                ["Kind"] = "AzureTable",
                ["Categories"] = new JsonArray("contact details"),
                ["Purpose"] = "Chaos testing",
                ["LegalBasis"] = "Contract",
                ["Retention"] = "Life of the account",
                ["Retry"] = new JsonObject { ["MaxAttempts"] = 5, ["FirstRetryInterval"] = "00:00:01", ["BackoffCoefficient"] = 2 },
                ["Settings"] = new JsonObject
                {
                    ["Table"] = TableFor(i),
                    ["EmailProperty"] = "Email",
                    ["AccountIdProperty"] = "AccountId",
                    ["EraseMode"] = "Delete",
                },
            });
            if (keyed)
            {
                var settings = stores[i]!["Settings"]!.AsObject();
                settings["Lookup"] = "Key";
                settings["PartitionKey"] = Partition;
                settings["RowKey"] = "{Email}";
            }
        }

        var path = Path.Combine(folder, "chaos-datamap.json");
        await File.WriteAllTextAsync(path, new JsonObject { ["DataMap"] = new JsonObject { ["Stores"] = stores } }.ToJsonString());
        return path;
    }

    public static async Task SeedAsync(DsrStorage storage, int people, int count = StoreCount, bool keyed = false)
    {
        for (var i = 0; i < count; i++)
        {
            var table = storage.Tables.GetTableClient(TableFor(i));
            await table.CreateIfNotExistsAsync();
            foreach (var chunk in Enumerable.Range(0, people).Chunk(100))
            {
                await table.SubmitTransactionAsync(chunk.Select(p => new TableTransactionAction(
                    TableTransactionActionType.UpsertReplace,
                    new TableEntity(Partition, keyed ? Email(p) : AccountId(p)) { ["Email"] = Email(p), ["AccountId"] = AccountId(p), ["FullName"] = FullName(p) })));
            }
        }
    }

    /// <summary>How many of the twelve (scanned) stores still hold the person.</summary>
    public static async Task<int> StoresStillHoldingAsync(DsrStorage storage, int person)
    {
        var holding = 0;
        for (var i = 0; i < StoreCount; i++)
        {
            var row = await storage.Tables.GetTableClient(TableFor(i)).GetEntityIfExistsAsync<TableEntity>(Partition, AccountId(person));
            holding += row.HasValue ? 1 : 0;
        }

        return holding;
    }
}

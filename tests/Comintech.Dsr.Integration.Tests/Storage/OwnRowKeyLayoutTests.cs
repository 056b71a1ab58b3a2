using Azure.Data.Tables;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.Evidence.Events;
using Comintech.Dsr.Limits;
using Comintech.Dsr.Storage;
using Comintech.Dsr.Telemetry;
using Comintech.Dsr.Testing;

namespace Comintech.Dsr.Integration.Tests.Storage;

/// <summary>Rows written before row keys ended with their partition key are moved at start and read as before.</summary>
public sealed class OwnRowKeyLayoutTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private const int Stores = 30;

    [Fact]
    public async Task Rows_under_the_old_keys_are_moved_once_even_after_a_move_cut_short_and_read_as_before()
    {
        var email = $"ada-{Guid.NewGuid():N}@example.com";
        string id;
        using (var before = new WiredCore(azurite.ConnectionString, new Dictionary<string, string?>()))
        {
            id = (await before.AddRequestAsync(RequestType.Deletion, new DataSubject(email, "Ada Example", "ACC-7"))).Id;
            var ledger = before.Get<EvidenceLedger>();
            await ledger.AppendAsync(id, AcknowledgementSent.Key, new AcknowledgementSent("m-1", At));
            await ledger.AppendAsync(id, RequestCompleted.Key, RequestCompleted.Finalised(RequestStatus.Completed, []));
            // Over 50 rows in the partition (a link and a marker each): the move takes more than one transaction there.
            for (var store = 0; store < Stores; store++)
            {
                var outcome = new ConnectorOutcome($"store-{store}", ConnectorAction.Erase, OutcomeKind.Done, 1, 1, null, null, At);
                await ledger.AppendAsync(id, StoreOutcomeEvidence.Key(outcome.StoreId), new StoreOutcomeRecorded(outcome));
            }

            Assert.True((await before.Get<AddressLimits>().TakeCodeMailAsync(email, "mail-1", CancellationToken.None)).Taken);
        }

        var storage = azurite.Storage;
        var tables = new[] { storage.Requests, storage.Evidence, storage.Limits };
        // As the rows stood before the layout, except one link already moved: a move cut short by a crash.
        var keptMoved = OwnRowKey.For("e:0000000002", id);
        foreach (var table in tables)
        {
            await WriteUnderOldKeysAsync(table, except: keptMoved);
        }

        using var after = new WiredCore(azurite.ConnectionString, new Dictionary<string, string?>());
        await after.Get<OwnRowKeyLayout>().MoveAsync();

        foreach (var table in tables)
        {
            Assert.All(await TableRows.AllAsync(table), row => Assert.True(OwnRowKey.IsFor(row.RowKey, row.PartitionKey), $"{table.Name}: {row.RowKey}"));
        }

        var request = await after.Get<RequestStore>().GetAsync(id);
        Assert.Equal((email, "ACC-7"), (request.Subject.Email, request.Subject.AccountId));
        var ledgerAfter = after.Get<EvidenceLedger>();
        // The marker of an earlier link answers its re-run; the head read under its new key carries the chain on.
        Assert.Equal(1, (await ledgerAfter.AppendAsync(id, AcknowledgementSent.Key, new AcknowledgementSent("m-1", At))).Sequence);
        await ledgerAfter.AppendAsync(id, FinalNoticeSent.Key, new FinalNoticeSent("m-2"));
        var chain = await ledgerAfter.VerifyAsync(id);
        Assert.True(chain.IsIntact, chain.Problem);
        Assert.Equal(3 + Stores, chain.Length);
        // The code mail counted before the move still counts: a second one under the same key is not a new slot.
        var slot = await after.Get<AddressLimits>().TakeCodeMailAsync(email, "mail-1", CancellationToken.None);
        Assert.Null(slot.AsWritten);

        var transactions = after.Get<StorageTransactions>();
        var counted = transactions.Snapshot().Values.Sum();
        await after.Get<OwnRowKeyLayout>().MoveAsync();
        Assert.Equal(1, transactions.Snapshot().Values.Sum() - counted);
    }

    /// <summary>Every row in the layout's keys goes back under the key it had before (the kind alone), as an older version wrote it.</summary>
    private static async Task WriteUnderOldKeysAsync(TableClient table, string except)
    {
        foreach (var row in await TableRows.AllAsync(table))
        {
            if (row.RowKey == except || !OwnRowKey.IsFor(row.RowKey, row.PartitionKey))
            {
                continue;
            }

            var old = new TableEntity(row.PartitionKey, row.RowKey[..^(row.PartitionKey.Length + 1)]).WithAll(row, except: TableEntityCopy.SystemColumns);
            await table.AddEntityAsync(old);
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }
    }
}

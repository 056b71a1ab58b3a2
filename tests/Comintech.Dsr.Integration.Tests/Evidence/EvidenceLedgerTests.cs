using Comintech.Dsr.Storage;
using Azure;
using Azure.Data.Tables;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.Evidence.Events;
using Comintech.Dsr.Testing;

namespace Comintech.Dsr.Integration.Tests.Evidence;

public sealed class EvidenceLedgerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private EvidenceLedger Ledger => new(azurite.Storage, TimeProvider.System);

    private static readonly DateTimeOffset At = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static (EvidenceKey Key, EvidenceEvent Event) Store(string storeId, int recordsAffected = 0) => (
        StoreOutcomeEvidence.Key(storeId),
        new StoreOutcomeRecorded(new ConnectorOutcome(storeId, ConnectorAction.Erase, OutcomeKind.Done, recordsAffected, recordsAffected, null, null, At)));

    private Task<EvidenceRecord> AppendAsync(string requestId, (EvidenceKey Key, EvidenceEvent Event) link) => Ledger.AppendAsync(requestId, link.Key, link.Event);

    private Task<EvidenceRecord> AppendReceivedAsync(string requestId) => Ledger.AppendAsync(
        requestId, RequestReceived.Key, new RequestReceived("deletion", IntakeChannel.Web, Jurisdiction.GDPR, At, At.AddDays(30), [], false, RequestStatus.Received, null, null));

    private Task<EvidenceRecord> AppendCompletedAsync(string requestId) =>
        Ledger.AppendAsync(requestId, RequestCompleted.Key, RequestCompleted.Finalised(RequestStatus.Completed, []));

    [Fact]
    public async Task Appended_steps_form_a_chain_that_verifies()
    {
        var id = RequestId.New();
        await AppendReceivedAsync(id);
        await Ledger.AppendAsync(id, AcknowledgementSent.Key, new AcknowledgementSent("m", At));
        var last = await AppendCompletedAsync(id);

        var records = await Ledger.ReadAsync(id);
        var verification = await Ledger.VerifyAsync(id);

        Assert.Equal([1L, 2L, 3L], records.Select(r => r.Sequence));
        Assert.Equal(records[0].Hash, records[1].PreviousHash);
        Assert.True(verification.IsIntact);
        Assert.Equal(last.Hash, verification.HeadHash);
    }

    [Fact]
    public async Task Many_links_are_appended_in_order_once_each_even_when_some_were_written_before()
    {
        var id = RequestId.New();
        await AppendReceivedAsync(id);
        await AppendAsync(id, Store("b"));
        (EvidenceKey, EvidenceEvent)[] outcomes = [Store("a"), Store("b"), Store("c")];

        await Ledger.AppendManyAsync(id, outcomes);
        await Ledger.AppendManyAsync(id, outcomes);

        var records = await Ledger.ReadAsync(id);
        Assert.Equal(4, records.Count);
        Assert.True(EvidenceLedger.Verify(records).IsIntact);
        Assert.Equal(["b", "a", "c"], records.Skip(1).Select(r => System.Text.Json.JsonDocument.Parse(r.Details).RootElement.GetProperty("storeId").GetString()));
    }

    [Fact]
    public async Task Many_links_on_a_fresh_chain_go_in_one_write_and_verify()
    {
        var id = RequestId.New();

        await Ledger.AppendManyAsync(id, [.. Enumerable.Range(0, 12).Select(i => Store($"s{i}"))]);
        var last = await AppendCompletedAsync(id);

        var verification = await Ledger.VerifyAsync(id);
        Assert.True(verification.IsIntact);
        Assert.Equal(13, last.Sequence);
    }

    [Fact]
    public async Task A_first_link_is_written_without_a_head_read_and_a_repeated_intake_meets_it()
    {
        var id = RequestId.New();
        var transactions = new Comintech.Dsr.Telemetry.StorageTransactions();
        var counted = azurite.CountedStorage(transactions);
        var received = new RequestReceived("deletion", IntakeChannel.Web, Jurisdiction.GDPR, At, At.AddDays(30), [], false, RequestStatus.Received, null, null);

        var first = await new EvidenceLedger(counted, TimeProvider.System).AppendFirstAsync(id, RequestReceived.Key, received);
        var writes = transactions.Snapshot().Values.Sum();
        // The same message taken in again by another process: the chain has its head, the link is answered.
        var again = await new EvidenceLedger(azurite.Storage, TimeProvider.System).AppendFirstAsync(id, RequestReceived.Key, received);
        await AppendCompletedAsync(id);

        Assert.Equal(1, writes);
        Assert.Equal((1L, first.Hash), (again.Sequence, again.Hash));
        var records = await Ledger.ReadAsync(id);
        Assert.Equal(2, records.Count);
        Assert.True(EvidenceLedger.Verify(records).IsIntact);
    }

    [Fact]
    public async Task The_same_event_key_is_recorded_once()
    {
        var id = RequestId.New();
        var first = await Ledger.AppendAsync(id, AcknowledgementSent.Key, new AcknowledgementSent("m-1", At));
        var again = await Ledger.AppendAsync(id, AcknowledgementSent.Key, new AcknowledgementSent("m-2", At));

        Assert.Equal(first, again);
        Assert.Single(await Ledger.ReadAsync(id));
    }

    [Fact]
    public async Task Concurrent_appends_keep_one_unbroken_chain()
    {
        var id = RequestId.New();

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => AppendAsync(id, Store($"s{i}"))));

        var records = await Ledger.ReadAsync(id);
        Assert.Equal(12, records.Count);
        Assert.True((await Ledger.VerifyAsync(id)).IsIntact);
    }

    [Fact]
    public async Task Two_writers_taking_turns_keep_one_chain_though_each_remembers_the_head_it_wrote_last()
    {
        var id = RequestId.New();
        var first = new EvidenceLedger(azurite.Storage, TimeProvider.System);
        var second = new EvidenceLedger(azurite.Storage, TimeProvider.System);

        await first.AppendAsync(id, Store("a").Key, Store("a").Event);
        await second.AppendAsync(id, Store("b").Key, Store("b").Event);
        // The first writer's remembered head is stale now: its write is refused and it reads the head again.
        await first.AppendAsync(id, Store("c").Key, Store("c").Event);
        await first.AppendManyAsync(id, [Store("d"), Store("e")]);
        await second.AppendManyAsync(id, [Store("f")]);
        // A link the other writer already appended is answered, not appended twice.
        var again = await second.AppendAsync(id, Store("e").Key, Store("e").Event);

        var records = await first.ReadAsync(id);
        Assert.Equal(6, records.Count);
        Assert.True(EvidenceLedger.Verify(records).IsIntact);
        Assert.Equal(5, again.Sequence);
        Assert.Equal(["a", "b", "c", "d", "e", "f"], records.Select(r => System.Text.Json.JsonDocument.Parse(r.Details).RootElement.GetProperty("storeId").GetString()));
    }

    [Fact]
    public async Task A_row_altered_in_the_table_is_detected()
    {
        var id = RequestId.New();
        await AppendReceivedAsync(id);
        var store = await AppendAsync(id, Store("accounts", recordsAffected: 1));
        await AppendCompletedAsync(id);

        var table = azurite.Storage.Evidence;
        var row = (await table.GetEntityAsync<TableEntity>(id, OwnRowKey.For("e:0000000002", id))).Value;
        row["Details"] = store.Details.Replace("\"recordsAffected\":1", "\"recordsAffected\":0", StringComparison.Ordinal);
        await table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace);

        var verification = await Ledger.VerifyAsync(id);

        Assert.False(verification.IsIntact);
        Assert.Equal(2, verification.FirstBrokenSequence);
    }
}

using Azure;
using Azure.Data.Tables;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.Testing;

namespace Comintech.Dsr.Integration.Tests.Evidence;

public sealed class EvidenceLedgerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private EvidenceLedger Ledger => new(azurite.Storage, TimeProvider.System);

    [Fact]
    public async Task Appended_steps_form_a_chain_that_verifies()
    {
        var id = RequestId.New();
        await Ledger.AppendAsync(id, "received", EvidenceEvents.Received, new { type = "deletion" });
        await Ledger.AppendAsync(id, "ack", EvidenceEvents.AcknowledgementSent, new { message = "m" });
        var last = await Ledger.AppendAsync(id, "completed", EvidenceEvents.Completed, new { status = "Completed" });

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
        await Ledger.AppendAsync(id, "received", EvidenceEvents.Received, new { type = "deletion" });
        await Ledger.AppendAsync(id, "store:b", EvidenceEvents.StoreOutcome, new { storeId = "b" });
        (string, string, object)[] outcomes =
            [("store:a", EvidenceEvents.StoreOutcome, new { storeId = "a" }), ("store:b", EvidenceEvents.StoreOutcome, new { storeId = "b" }), ("store:c", EvidenceEvents.StoreOutcome, new { storeId = "c" })];

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

        await Ledger.AppendManyAsync(id, [.. Enumerable.Range(0, 12).Select(i => ($"store:{i}", EvidenceEvents.StoreOutcome, (object)new { storeId = i }))]);
        var last = await Ledger.AppendAsync(id, "completed", EvidenceEvents.Completed, new { status = "Completed" });

        var verification = await Ledger.VerifyAsync(id);
        Assert.True(verification.IsIntact);
        Assert.Equal(13, last.Sequence);
    }

    [Fact]
    public async Task The_same_event_key_is_recorded_once()
    {
        var id = RequestId.New();
        var first = await Ledger.AppendAsync(id, "ack", EvidenceEvents.AcknowledgementSent, new { n = 1 });
        var again = await Ledger.AppendAsync(id, "ack", EvidenceEvents.AcknowledgementSent, new { n = 2 });

        Assert.Equal(first, again);
        Assert.Single(await Ledger.ReadAsync(id));
    }

    [Fact]
    public async Task Concurrent_appends_keep_one_unbroken_chain()
    {
        var id = RequestId.New();

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Ledger.AppendAsync(id, $"store-{i}", EvidenceEvents.StoreOutcome, new { store = i })));

        var records = await Ledger.ReadAsync(id);
        Assert.Equal(12, records.Count);
        Assert.True((await Ledger.VerifyAsync(id)).IsIntact);
    }

    [Fact]
    public async Task A_row_altered_in_the_table_is_detected()
    {
        var id = RequestId.New();
        await Ledger.AppendAsync(id, "received", EvidenceEvents.Received, new { type = "deletion" });
        await Ledger.AppendAsync(id, "store", EvidenceEvents.StoreOutcome, new { storeId = "accounts", recordsAffected = 1 });
        await Ledger.AppendAsync(id, "completed", EvidenceEvents.Completed, new { status = "Completed" });

        var table = azurite.Storage.Evidence;
        var row = (await table.GetEntityAsync<TableEntity>(id, "e:0000000002")).Value;
        row["Details"] = "{\"storeId\":\"accounts\",\"recordsAffected\":0}";
        await table.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Replace);

        var verification = await Ledger.VerifyAsync(id);

        Assert.False(verification.IsIntact);
        Assert.Equal(2, verification.FirstBrokenSequence);
    }
}

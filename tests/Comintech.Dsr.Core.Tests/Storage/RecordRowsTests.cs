using Azure.Data.Tables;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Fulfilment;
using Comintech.Dsr.Storage;

namespace Comintech.Dsr.Core.Tests.Storage;

public class RecordRowsTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_record_is_a_row_of_its_constructor_parameters_with_enums_as_names()
    {
        var outcome = new ConnectorOutcome("billing", ConnectorAction.Erase, OutcomeKind.Done, 3, 2, null, "exports/r1.json", At);

        var row = RecordRows.Write("r1", "key-1", outcome);

        Assert.Equal(("r1", "key-1"), (row.PartitionKey, row.RowKey));
        Assert.Equal("Erase", row["Action"]);
        Assert.Equal("Done", row["Kind"]);
        Assert.Equal(3, row["RecordsFound"]);
        Assert.Equal(At, row["CompletedAt"]);
        Assert.Equal(outcome, RecordRows.Read<ConnectorOutcome>(row));
    }

    [Fact]
    public void A_column_an_older_row_lacks_reads_as_the_default()
    {
        var row = new TableEntity("r1", "workflow") { ["Step"] = "ExecuteStoreActions", ["Reason"] = "TimeoutException" };

        Assert.Equal(new WorkflowFailure(0, "ExecuteStoreActions", "TimeoutException", default, false), RecordRows.Read<WorkflowFailure>(row));
    }
}

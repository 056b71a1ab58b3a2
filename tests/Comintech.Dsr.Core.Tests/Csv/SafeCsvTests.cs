using Comintech.Dsr.Csv;
using Comintech.Dsr.Domain;

namespace Comintech.Dsr.Core.Tests.Csv;

public class SafeCsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData("a\"b", "\"a\"\"b\"")]
    [InlineData("a\nb", "\"a\nb\"")]
    [InlineData("x=1", "x=1")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    public void Cells_that_a_spreadsheet_would_run_are_defused_and_quoted(string value, string expected) =>
        Assert.Equal(expected, SafeCsv.Cell(value));

    [Fact]
    public void System_columns_are_quoted_but_never_prefixed_and_lines_end_in_crlf()
    {
        var csv = SafeCsv.Write(["Id", "Note"], [["-abc", "-abc"], ["a,b", "@x"]], new HashSet<int> { 0 });

        Assert.Equal("Id,Note\r\n-abc,'-abc\r\n\"a,b\",'@x\r\n", csv);
    }

    [Fact]
    public void The_access_package_csv_is_written_by_the_same_writer()
    {
        var records = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["name"] = "=cmd|' /C calc'!A0" });
        var store = new Comintech.Dsr.Connectors.DataStoreDefinition { Id = "s", Name = "S", Kind = "Manual", Purpose = "p", LegalBasis = "l", Retention = "r" };
        var outcome = new Comintech.Dsr.Domain.ConnectorOutcome("s", Comintech.Dsr.Domain.ConnectorAction.Export, Comintech.Dsr.Domain.OutcomeKind.Done, 1, 0, null, null, DateTimeOffset.UnixEpoch);
        var zip = Comintech.Dsr.Fulfilment.Access.AccessPackageWriter.Write("r", DateTimeOffset.UnixEpoch, [new(store, outcome, records)]);

        using var archive = new System.IO.Compression.ZipArchive(new MemoryStream(zip));
        using var reader = new StreamReader(archive.GetEntry("stores/s.csv")!.Open());
        Assert.Equal("name\r\n'=cmd|' /C calc'!A0\r\n", reader.ReadToEnd());
    }
}

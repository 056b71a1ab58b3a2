using Comintech.Dsr.Connectors;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Http;

namespace Comintech.Dsr.Core.Tests.Connectors;

/// <summary>Records attached to a confirmation: flat objects only, within limits, for access only.</summary>
public class AttachedRecordsTests
{
    [Theory]
    [InlineData("""[{"orderId":"A-1","total":12.5,"paid":true,"note":null}]""", ConnectorAction.Export, 1)]
    [InlineData("""[{"orderId":{"nested":1}}]""", ConnectorAction.Export, -1)]
    [InlineData("""[["a"]]""", ConnectorAction.Export, -1)]
    [InlineData("""[{}]""", ConnectorAction.Export, -1)]
    [InlineData("""{"orderId":"A-1"}""", ConnectorAction.Export, -1)]
    [InlineData("""not json""", ConnectorAction.Export, -1)]
    [InlineData("""[{"orderId":"A-1"}]""", ConnectorAction.Erase, -1)]
    public void Only_flat_records_on_an_access_confirmation_are_accepted(string records, ConnectorAction action, int expected)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);

        var parsed = AttachedRecords.Parse(Fields(records), action, errors);

        Assert.Equal(expected, parsed?.Count ?? -1);
        Assert.Equal(expected < 0, errors.ContainsKey("records"));
    }

    [Fact]
    public void Too_many_records_or_too_long_a_value_are_refused()
    {
        var many = "[" + string.Join(",", Enumerable.Repeat("""{"a":1}""", AttachedRecords.MaxRecords + 1)) + "]";
        var longValue = $$"""[{"a":"{{new string('x', AttachedRecords.MaxValueLength + 1)}}"}]""";

        foreach (var records in new[] { many, longValue })
        {
            var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            Assert.Null(AttachedRecords.Parse(Fields(records), ConnectorAction.Export, errors));
            Assert.True(errors.ContainsKey("records"));
        }
    }

    private static BodyFields Fields(string records) => BodyFields.Parse(BodyKind.Form, "records=" + Uri.EscapeDataString(records), []);
}

using Comintech.Dsr.Storage;

namespace Comintech.Dsr.Core.Tests.Storage;

public sealed class OwnRowKeyTests
{
    [Fact]
    public void A_row_key_is_its_kind_then_its_partition_key() =>
        Assert.Equal("e:0000000001@AbC-_9", OwnRowKey.For("e:0000000001", "AbC-_9"));

    [Theory]
    [InlineData("request@R1", "R1", true)]
    [InlineData("k:store.x@y@R1", "R1", true)]
    [InlineData("request", "R1", false)]
    [InlineData("requestR1", "R1", false)]
    [InlineData("@R1", "R1", false)]
    [InlineData("request@R12", "R1", false)]
    [InlineData("request@R1", "XR1", false)]
    public void Only_a_key_ending_with_at_and_its_own_partition_key_is_in_the_layout(string rowKey, string partitionKey, bool expected) =>
        Assert.Equal(expected, OwnRowKey.IsFor(rowKey, partitionKey));

    [Fact]
    public void The_filter_of_a_kind_takes_its_rows_of_every_partition_and_no_other_kind() =>
        Assert.Equal("RowKey gt 'request@' and RowKey lt 'requestA'", OwnRowKey.OfKind("request"));
}

using Comintech.Dsr.Domain;

namespace Comintech.Dsr.Core.Tests.Domain;

public class RequestIdTests
{
    [Fact]
    public void Ids_are_url_safe_long_and_distinct()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => RequestId.New()).ToList();

        Assert.All(ids, id => Assert.True(RequestId.IsWellFormed(id), id));
        Assert.All(ids, id => Assert.Equal(id, Uri.EscapeDataString(id)));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("abcdefghijklmnopqrstuvwxy/=")]
    public void Malformed_ids_are_refused(string? id) => Assert.False(RequestId.IsWellFormed(id));

    [Fact]
    public void The_subject_never_prints_its_identifiers()
    {
        var subject = new DataSubject("ada@example.com", "Ada Lovelace", "ACC-1");

        Assert.DoesNotContain("ada", subject.ToString(), StringComparison.OrdinalIgnoreCase);
    }
}

using Comintech.Dsr.Evidence;

namespace Comintech.Dsr.Core.Tests.Evidence;

public class EvidenceChainTests
{
    private static List<EvidenceRecord> Chain(int length)
    {
        var records = new List<EvidenceRecord>();
        var previous = EvidenceRecord.GenesisHash;
        var at = new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
        for (var i = 1; i <= length; i++)
        {
            var details = $"{{\"step\":{i}}}";
            var hash = EvidenceRecord.ComputeHash("req", i, "step", at.AddMinutes(i), "system", details, previous);
            records.Add(new EvidenceRecord("req", i, "step", at.AddMinutes(i), "system", details, previous, hash));
            previous = hash;
        }

        return records;
    }

    [Fact]
    public void An_untouched_chain_verifies_and_reports_its_head()
    {
        var chain = Chain(5);

        var result = EvidenceLedger.Verify(chain);

        Assert.True(result.IsIntact);
        Assert.Equal(chain[^1].Hash, result.HeadHash);
    }

    [Fact]
    public void A_changed_detail_is_detected_at_that_link()
    {
        var chain = Chain(5);
        chain[2] = chain[2] with { Details = "{\"step\":99}" };

        var result = EvidenceLedger.Verify(chain);

        Assert.False(result.IsIntact);
        Assert.Equal(3, result.FirstBrokenSequence);
    }

    [Fact]
    public void A_rehashed_row_still_breaks_the_next_link()
    {
        var chain = Chain(5);
        var forged = chain[1] with { Details = "{}" };
        chain[1] = forged with { Hash = forged.ExpectedHash() };

        var result = EvidenceLedger.Verify(chain);

        Assert.False(result.IsIntact);
        Assert.Equal(3, result.FirstBrokenSequence);
    }

    [Fact]
    public void A_removed_row_is_detected()
    {
        var chain = Chain(5);
        chain.RemoveAt(3);

        Assert.False(EvidenceLedger.Verify(chain).IsIntact);
    }
}

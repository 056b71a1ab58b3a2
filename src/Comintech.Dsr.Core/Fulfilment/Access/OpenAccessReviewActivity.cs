using Comintech.Dsr.Evidence;

namespace Comintech.Dsr.Fulfilment.Access;

/// <summary>All stores answered and the package waits for staff review: record what it will be built from, once.</summary>
public sealed class OpenAccessReviewActivity(AccessReviews reviews, EvidenceLedger evidence) : IDsrActivity<FinaliseInput, bool>
{
    public async Task<bool> RunAsync(FinaliseInput input, CancellationToken cancellationToken)
    {
        await reviews.OpenAsync(input.RequestId, input.Outcomes, cancellationToken);
        await evidence.AppendAsync(
            input.RequestId, "access-review-opened", EvidenceEvents.AccessReviewOpened,
            new { stores = input.Outcomes.Select(o => new { o.StoreId, kind = o.Kind.ToString(), o.RecordsFound }) },
            cancellationToken: cancellationToken);
        return true;
    }
}

namespace Comintech.Dsr.Fulfilment.Access;

/// <summary>All stores answered and the package waits for staff review: record what it will be built from, once.</summary>
public sealed class OpenAccessReviewActivity(AccessReviews reviews, EvidenceLedger evidence) : IDsrActivity<FinaliseInput, bool>
{
    public async Task<bool> RunAsync(FinaliseInput input, CancellationToken cancellationToken)
    {
        await reviews.OpenAsync(input.RequestId, input.Outcomes, cancellationToken);
        await evidence.AppendAsync(
            input.RequestId, AccessReviewOpened.Key, new AccessReviewOpened(StoreFound.Of(input.Outcomes)), cancellationToken: cancellationToken);
        return true;
    }
}

namespace Comintech.Dsr.Fulfilment.Activities;

/// <summary>
/// The first two steps of a request that needs a code, as one activity: the acknowledgement, then code 1. Each keeps its
/// own idempotency (a retry after the code failed does not mail the acknowledgement again); the request row is read once.
/// </summary>
public sealed class AcknowledgeAndSendCodeActivity(SendAcknowledgementActivity acknowledgement, SendVerificationCodeActivity code)
    : IDsrActivity<string, bool>
{
    public async Task<bool> RunAsync(string requestId, CancellationToken cancellationToken)
    {
        var request = await acknowledgement.AcknowledgeAsync(requestId, cancellationToken);
        return await code.SendAsync(request, new SendCodeInput(requestId, 1), cancellationToken);
    }
}

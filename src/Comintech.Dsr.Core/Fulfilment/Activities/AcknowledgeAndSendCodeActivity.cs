namespace Comintech.Dsr.Fulfilment.Activities;

/// <summary>
/// The first two steps of a request that needs a code, as one activity: the acknowledgement, then code 1. Each keeps its
/// own idempotency (a retry after the code failed does not mail the acknowledgement again).
/// </summary>
public sealed class AcknowledgeAndSendCodeActivity(SendAcknowledgementActivity acknowledgement, SendVerificationCodeActivity code)
    : IDsrActivity<string, bool>
{
    public async Task<bool> RunAsync(string requestId, CancellationToken cancellationToken)
    {
        await acknowledgement.RunAsync(requestId, cancellationToken);
        return await code.RunAsync(new SendCodeInput(requestId, 1), cancellationToken);
    }
}

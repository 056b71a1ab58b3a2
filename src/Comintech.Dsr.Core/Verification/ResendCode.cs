namespace Comintech.Dsr.Verification;

/// <summary>The person asks for a new code: at most once per interval, a few times per request, and within the address's mail limit.</summary>
public sealed class ResendCode(VerificationService verification, AddressLimits limits)
{
    public async Task<UseCaseResult<ResendDecision>> ResendAsync(DsrRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (request.Status.IsFinal())
        {
            return UseCaseFailure.Conflict("Request closed", $"This request is already {request.Status}.");
        }

        var check = await verification.CheckResendAsync(request.Id, cancellationToken);
        var mailWait = check.Decision == ResendDecision.Allowed ? await limits.CodeMailRetryAfterAsync(request.Subject.Email, cancellationToken) : TimeSpan.Zero;
        if (mailWait > TimeSpan.Zero)
        {
            return UseCaseFailure.TooMany(mailWait, "Code limit reached", "No more codes can be sent to this address for now. Try again in {seconds} seconds.");
        }

        switch (check.Decision)
        {
            case ResendDecision.Allowed:
                await client.RaiseEventAsync(request.Id, DsrEvents.ResendCodeRequested, check.NextIssue, cancellationToken);
                return check.Decision;
            case ResendDecision.TooSoon:
                return UseCaseFailure.TooMany(check.RetryAfter, "Too soon", "Wait {seconds} seconds before asking for another code.");
            case ResendDecision.LimitReached:
                return UseCaseFailure.TooMany(null, "Code limit reached", "No more codes can be sent for this request.");
            default:
                return UseCaseFailure.Conflict("Already verified", "This request is already verified.");
        }
    }
}

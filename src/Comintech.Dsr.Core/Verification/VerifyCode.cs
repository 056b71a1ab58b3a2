namespace Comintech.Dsr.Verification;

/// <summary>
/// The person confirms a request with the e-mailed code, under the per-address cap on wrong codes. Every outcome is
/// evidence; a right code tells the workflow the identity is verified.
/// </summary>
public sealed class VerifyCode(CodeAttempts attempts, EvidenceLedger evidence)
{
    public async Task<UseCaseResult<VerifyResult>> VerifyAsync(DsrRequest request, string code, DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (request.Status.IsFinal())
        {
            return UseCaseFailure.Conflict("Request closed", $"This request is already {request.Status}.");
        }

        var (checkedCode, retryAfter) = await attempts.VerifyAsync(request, code, cancellationToken);
        if (checkedCode is not { } outcome)
        {
            return UseCaseFailure.TooMany(retryAfter, "Too many wrong codes", "Too many wrong codes were tried for this address. Try again in {seconds} seconds.");
        }

        var requestId = request.Id;
        switch (outcome.Result)
        {
            case VerifyResult.Verified or VerifyResult.AlreadyVerified:
                await evidence.AppendAsync(requestId, VerificationSucceeded.Key, VerificationSucceeded.ByCode, cancellationToken: cancellationToken);
                await client.RaiseEventAsync(requestId, DsrEvents.IdentityVerified, true, cancellationToken);
                return outcome.Result;
            case VerifyResult.WrongCode:
                await evidence.AppendAsync(requestId, VerificationFailed.Key(), new VerificationFailed(outcome.AttemptsLeft), cancellationToken: cancellationToken);
                return new UseCaseFailure(
                    FailureKind.Rejected,
                    "Wrong code",
                    outcome.AttemptsLeft > 0
                        ? $"That code is not right. Attempts left: {outcome.AttemptsLeft}."
                        : "That code is not right, and it is now locked. Ask for a new code.")
                {
                    Extensions = new Dictionary<string, object?> { ["attemptsLeft"] = outcome.AttemptsLeft },
                };
            case VerifyResult.Expired:
                await evidence.AppendAsync(requestId, VerificationExpired.Key(), new VerificationExpired(), cancellationToken: cancellationToken);
                return new UseCaseFailure(FailureKind.Gone, "Code expired", "This code has expired. Ask for a new one.");
            case VerifyResult.Locked:
                await evidence.AppendAsync(requestId, VerificationLocked.Key(), new VerificationLocked(), cancellationToken: cancellationToken);
                return new UseCaseFailure(FailureKind.Locked, "Too many wrong codes", "This code is locked after too many wrong tries. Ask for a new code.");
            default:
                return UseCaseFailure.Conflict("No code yet", "No code has been sent for this request yet. Try again in a minute.");
        }
    }
}

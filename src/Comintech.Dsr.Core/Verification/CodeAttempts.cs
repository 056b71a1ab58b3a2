namespace Comintech.Dsr.Verification;

/// <summary>
/// Code checks under the per-address cap on wrong codes: each check takes a slot in the address's 24-hour window
/// before it is made (so parallel guesses cannot overshoot) and gives it back unless the code was wrong. Requests
/// made one after another for one address share the cap; once old failures leave the window, a fresh code verifies.
/// </summary>
public sealed class CodeAttempts(AddressLimits limits, VerificationService verification)
{
    /// <returns>The outcome, or null with how long to wait when the address has used its wrong codes for now.</returns>
    public async Task<(VerifyOutcome? Outcome, TimeSpan RetryAfter)> VerifyAsync(DsrRequest request, string code, CancellationToken cancellationToken)
    {
        var email = request.Subject.Email;
        var slot = await limits.TakeCodeAttemptAsync(email, cancellationToken);
        if (!slot.Taken)
        {
            return (null, slot.RetryAfter);
        }

        var outcome = await verification.VerifyAsync(request.Id, code, cancellationToken);
        if (outcome.Result != VerifyResult.WrongCode)
        {
            await limits.ReleaseCodeAttemptAsync(email, slot, cancellationToken);
        }

        return (outcome, TimeSpan.Zero);
    }
}

namespace Comintech.Dsr.Intake;

/// <summary>
/// One open request per address and type. A submission repeating an open one (not yet verified, codes still to
/// send) creates nothing: it gets a fresh alias id, answered exactly like a new request, and at most re-sends the
/// open request's code once per resend interval, so the person who lost the mail can recover while a flood of
/// submissions sends almost nothing.
/// </summary>
public sealed class SubmissionGate(AddressLimits limits, RequestLookup lookup, RequestStore requests, VerificationService verification, IntakeService intake, TimeProvider clock)
{
    /// <summary>A claim whose request row is not written yet counts as open this long (the intake writing it is still running).</summary>
    private static readonly TimeSpan ClaimGrace = TimeSpan.FromMinutes(1);

    /// <returns>The id to answer with: the new request's, or an alias of the open one.</returns>
    /// <param name="proven">An account proven with the submission (a control-panel link), for a new request.</param>
    public async Task<string> SubmitAsync(
        RequestSubmission submission, IntakeChannel channel, DurableTaskClient client, CancellationToken cancellationToken, IdentityState? proven = null,
        bool globalPrivacyControl = false)
    {
        var candidate = RequestId.New();
        var openId = await limits.ClaimOpenRequestAsync(submission.Subject.Email, submission.Type, candidate, IsStillOpenAsync, cancellationToken);
        if (openId == candidate)
        {
            return (await intake.SubmitAsync(submission, new IntakeReceipt(channel, RequestId: candidate, ProvenIdentity: proven, GlobalPrivacyControl: globalPrivacyControl), client, cancellationToken)).Id;
        }

        // The open request may be one whose intake stopped after storing it (a crash before its workflow started): the
        // person's repeat finishes that intake, so nothing already accepted waits for the next reconciliation.
        if (await requests.FindAsync(openId, cancellationToken) is { Status: RequestStatus.Received } open)
        {
            await intake.ResumeAsync(open, client, cancellationToken);
        }

        var check = await verification.CheckResendAsync(openId, cancellationToken);
        if (check.Decision == ResendDecision.Allowed)
        {
            await client.RaiseEventAsync(openId, DsrEvents.ResendCodeRequested, check.NextIssue, cancellationToken);
        }

        return await limits.AddAliasAsync(openId, cancellationToken);
    }

    /// <summary>The id a public route was given, with an alias read as the request it stands for.</summary>
    public Task<DsrRequest?> FindAsync(string id, CancellationToken cancellationToken) => lookup.FindAsync(id, cancellationToken);

    private async Task<bool> IsStillOpenAsync(string requestId, DateTimeOffset claimedAt, CancellationToken cancellationToken)
    {
        var request = await requests.FindAsync(requestId, cancellationToken);
        if (request is null)
        {
            return clock.GetUtcNow() - claimedAt < ClaimGrace;
        }

        if (request.Status is not (RequestStatus.Received or RequestStatus.AwaitingVerification))
        {
            return false;
        }

        var check = await verification.CheckResendAsync(requestId, cancellationToken);
        return check.Decision is not (ResendDecision.LimitReached or ResendDecision.AlreadyVerified);
    }
}

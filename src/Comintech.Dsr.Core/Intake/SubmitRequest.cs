namespace Comintech.Dsr.Intake;

/// <summary>
/// A person submits a request (web form, JSON): a control-panel link given with it proves the account at tier 2, then
/// the submission gate stores and starts it, or answers a repeat of an open request with an alias of it.
/// </summary>
public sealed class SubmitRequest(SubmissionGate gate, ControlPanelLinks controlPanel)
{
    /// <param name="identityToken">A control-panel link's token given with the submission, if any.</param>
    /// <param name="optOutByPrivacyControl">The submission is an opt-out sent with the Global Privacy Control signal.</param>
    /// <returns>The id to answer with (a new request's, or an alias of the open one).</returns>
    public async Task<UseCaseResult<string>> SubmitAsync(
        RequestSubmission submission, string? identityToken, IntakeChannel channel, bool optOutByPrivacyControl, DurableTaskClient client, CancellationToken cancellationToken)
    {
        IdentityState? proven = null;
        if (!string.IsNullOrWhiteSpace(identityToken))
        {
            // The link must be genuine, current and for the submitted address (and account id, when one is given).
            var claims = controlPanel.Verify(identityToken);
            var subject = submission.Subject;
            if (claims is null || !EmailAddresses.SameMailbox(claims.Email, subject.Email) || (subject.AccountId is { } named && named != claims.AccountId))
            {
                return UseCaseFailure.Invalid(BindAccount.TokenField, BindAccount.RefusedToken);
            }

            proven = IdentityState.ProvenBy(BindingSource.ControlPanel, claims.AccountId);
            submission = submission with { Subject = new DataSubject(subject.Email, subject.FullName, claims.AccountId) };
        }

        return await gate.SubmitAsync(submission, channel, client, cancellationToken, proven, optOutByPrivacyControl);
    }
}

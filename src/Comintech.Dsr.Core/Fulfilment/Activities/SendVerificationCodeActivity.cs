namespace Comintech.Dsr.Fulfilment.Activities;

/// <summary>
/// Creates code number N, e-mails it to the address given, and records that it was sent (once per N). A code over the
/// address's daily cap of code mails is held back (evidence <c>verification.held</c>); a resend after the window sends one.
/// </summary>
public sealed class SendVerificationCodeActivity(
    RequestStore requests,
    VerificationService verification,
    INotifier notifier,
    EvidenceLedger evidence,
    PublicLinks links,
    AddressLimits limits,
    IOptions<VerificationOptions> options)
    : IDsrActivity<SendCodeInput, bool>
{
    public async Task<bool> RunAsync(SendCodeInput input, CancellationToken cancellationToken) =>
        await SendAsync(await requests.GetAsync(input.RequestId, cancellationToken), input, cancellationToken);

    /// <param name="request">The request as read by this activity (its subject and language address the mail).</param>
    public async Task<bool> SendAsync(DsrRequest request, SendCodeInput input, CancellationToken cancellationToken)
    {
        var issued = await verification.IssueAsync(input.RequestId, input.Issue, cancellationToken);
        if (issued is null)
        {
            return false;
        }

        var ttl = options.Value.CodeTtl;
        var message = MessageTemplates.VerificationCode(request, input.Issue, issued.Code, ttl, links.VerifyPage(input.RequestId));
        if (!(await limits.TakeCodeMailAsync(request.Subject.Email, message.IdempotencyKey, cancellationToken)).Taken)
        {
            await evidence.AppendAsync(
                input.RequestId, VerificationHeld.Key(input.Issue), VerificationHeld.DailyCap(input.Issue), cancellationToken: cancellationToken);
            return false;
        }

        await notifier.SendAsync(message, cancellationToken);
        await verification.MarkSentAsync(issued, cancellationToken);
        await evidence.AppendAsync(
            input.RequestId, VerificationSent.Key(input.Issue), new VerificationSent(input.Issue, message.IdempotencyKey, ttl.TotalMinutes), cancellationToken: cancellationToken);
        return true;
    }
}

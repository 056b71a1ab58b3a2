namespace Comintech.Dsr.Connectors.Partners;

/// <summary>
/// The request by e-mail, for partners without an API, with a signed link (valid 30 days) to a page where the
/// partner confirms. Keyed <c>&lt;requestId&gt;.&lt;storeId&gt;.partner-&lt;reminder&gt;</c>, so a re-run sends nothing twice.
/// </summary>
public sealed class PartnerMail(INotifier notifier, PublicLinks links, TimeProvider clock)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(30);

    public Task SendAsync(ConnectorRequest request, string partnerId, string address, string secret, int reminder, CancellationToken cancellationToken)
    {
        var action = request.Action == ConnectorAction.Export ? "access" : request.Action.ToString().ToLowerInvariant();
        var expires = (clock.GetUtcNow() + LinkLifetime).ToUnixTimeSeconds();
        var signature = PartnerSignature.SignLink(secret, partnerId, request.RequestId, action, expires);
        var link = links.PartnerConfirmationPage(partnerId, request.RequestId, action, expires, signature);
        var corrections = request.Action == ConnectorAction.Rectify && request.Corrections.Count > 0
            ? "\nCorrections:\n" + string.Join('\n', request.Corrections.Select(c => $"  {c.Key}: {c.Value}")) + "\n"
            : "";
        var body = $"""
            {(reminder > 0 ? $"Reminder {reminder}. " : "")}Under our agreement, please {action} the personal data you hold about this person:

              Name:       {request.Subject.FullName}
              E-mail:     {request.Subject.Email}
              Account id: {request.Subject.AccountId ?? "-"}
            {corrections}
            When it is done, confirm here (the link is valid until {DateTimeOffset.FromUnixTimeSeconds(expires):yyyy-MM-dd}):
            {link}

            Request reference: {request.RequestId}
            """;
        return notifier.SendAsync(
            new OutgoingEmail($"{request.RequestId}.{request.Store.Id}.partner-{reminder}", address, request.Store.Name,
                $"Data subject request {request.RequestId}: please {action} and confirm", body),
            cancellationToken);
    }
}

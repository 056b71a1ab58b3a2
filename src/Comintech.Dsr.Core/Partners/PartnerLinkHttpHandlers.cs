namespace Comintech.Dsr.Partners;

/// <summary>
/// The signed confirmation link mailed to partners without an API: GET shows a small form (nothing changes on GET, so
/// mail scanners that open links confirm nothing); POST of that form confirms. The link's signature authenticates it.
/// </summary>
public sealed class PartnerLinkHttpHandlers(IOptions<DataMapOptions> dataMap, IConfiguration configuration, WaitingPartConfirmations confirmations, TimeProvider clock)
{
    /// <summary>GET /api/partners/{partnerId}/confirmations/link?requestId=…&amp;action=…&amp;expires=…&amp;signature=….</summary>
    public IResult Form(HttpRequest http, string partnerId)
    {
        var link = Verify(http, partnerId);
        return link is null ? Refused() : LinkForm(link.Value.RequestId, link.Value.ActionName, client: false);
    }

    /// <summary>POST of the form above (application/x-www-form-urlencoded).</summary>
    public async Task<IResult> ConfirmAsync(HttpRequest http, string partnerId, DurableTaskClient client)
    {
        var link = Verify(http, partnerId);
        if (link is null)
        {
            return Refused();
        }

        var (confirmation, failure) = await ReadFormAsync(http, "partner:" + partnerId);
        if (failure is not null)
        {
            return failure;
        }

        var (requestId, storeId, action, _) = link.Value;
        var result = await confirmations.ConfirmAsync(requestId, storeId, action, confirmation!, null, null, client, http.HttpContext.RequestAborted);
        return result == ConfirmResult.NothingWaiting
            ? Problems.Status(StatusCodes.Status404NotFound, "Nothing waiting", "No step of this request is waiting for your confirmation.")
            : Thanks($"Your confirmation for request {requestId} is recorded.");
    }

    /// <summary>The posted form of a signed link (<c>outcome</c>, <c>recordsAffected</c>), or the 400/415 to answer.</summary>
    internal static async Task<(Fulfilment.StoreConfirmation? Confirmation, IResult? Failure)> ReadFormAsync(HttpRequest http, string confirmedBy)
    {
        var (body, failure) = await RequestBodies.ReadAsync<ConfirmationBody>(http);
        return (body?.By(confirmedBy), failure);
    }

    private (string RequestId, string StoreId, ConnectorAction Action, string ActionName)? Verify(HttpRequest http, string partnerId)
    {
        var query = http.Query;
        var requestId = query["requestId"].ToString();
        var actionName = query["action"].ToString();
        var action = ConfirmationBody.ParseAction(actionName);
        var store = dataMap.Value.Stores.FirstOrDefault(s =>
            s.Kind.Equals(PartnerWebhookConnector.KindName, StringComparison.OrdinalIgnoreCase) && s.Setting("PartnerId") == partnerId);
        var secret = store is null ? null : PartnerWebhookConnector.SecretFor(store, configuration);
        var valid = secret is not null && RequestId.IsWellFormed(requestId) && action is not null
            && long.TryParse(query["expires"], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            && PartnerSignature.IsValidLink(secret, partnerId, requestId, actionName, expires, query["signature"], clock.GetUtcNow());
        return valid ? (requestId, store!.Id, action!.Value, actionName) : null;
    }

    private static IResult Refused() =>
        Problems.Status(StatusCodes.Status401Unauthorized, "Link not valid", "This confirmation link is not valid or has expired. Reply to our e-mail instead.");

    /// <summary>The signed link's form (<c>Web/Templates/link-form.html</c>), for a partner or a Client.</summary>
    internal static IResult LinkForm(string requestId, string action, bool client) =>
        Page(HtmlTemplates.Render("link-form.html", new TemplateModel { ["requestId"] = requestId, ["action"] = action, ["client"] = client }));

    internal static IResult Thanks(string message) => Page(HtmlTemplates.Render("link-thanks.html", new TemplateModel { ["message"] = message }));

    private static IResult Page(Html main) => WebAssets.Html(HtmlTemplates.Render("link-page.html", new TemplateModel { ["main"] = main }).Value);
}

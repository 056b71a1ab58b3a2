namespace Comintech.Dsr.Partners;

/// <summary>The stores that answer later: partners' and Clients' confirmations (signed), manual steps, restored backups.</summary>
public static class PartnerRoutes
{
    public static IReadOnlyList<DsrRoute> All { get; } =
    [
        DsrRoute.Call<WaitingStoreHttpHandlers>("POST", "/api/partners/{partnerId}/confirmations", "PartnerConfirmationFunction", "A partner confirms its part (HMAC-signed).", h => h.PartnerConfirmationAsync),
        new("GET", "/api/partners/{partnerId}/confirmations/link", "PartnerLinkFormFunction", "The page behind a partner's signed link.",
            (string partnerId, Microsoft.AspNetCore.Http.HttpRequest http, PartnerLinkHttpHandlers handlers) => handlers.Form(http, partnerId)),
        DsrRoute.Call<PartnerLinkHttpHandlers>("POST", "/api/partners/{partnerId}/confirmations/link", "PartnerLinkConfirmFunction", "The signed link's form post: confirms.", h => h.ConfirmAsync),
        DsrRoute.Call<ClientAnswerHttpHandlers>("POST", "/api/clients/{clientId}/answers", "ClientAnswer", "A Client answers a forwarded request (signed).", h => h.AnswerAsync),
        DsrRoute.Call<ClientAnswerHttpHandlers>("GET", "/api/clients/{clientId}/answers/link", "ClientAnswerForm", "The page behind a Client's signed link.", h => h.FormAsync),
        DsrRoute.Call<ClientAnswerHttpHandlers>("POST", "/api/clients/{clientId}/answers/link", "ClientAnswerFormPost", "The Client's signed link's form post.", h => h.FormAnswerAsync),
        DsrRoute.Call<ClientAnswerHttpHandlers>("GET", "/api/staff/requests/{id}/clients", "StaffClientAnswers", "The Clients a request was forwarded to and their answers.", h => h.ListAsync),
        DsrRoute.Call<WaitingStoreHttpHandlers>("POST", "/api/staff/requests/{id}/stores/{storeId}/done", "ManualStepDoneFunction", "A manual step is done.", h => h.ManualStepDoneAsync),
        DsrRoute.Call<BackupHttpHandlers>("POST", "/api/staff/backups/restored", "BackupRestoredFunction", "A backup was restored: re-apply the erasures it covers.", h => h.RestoredAsync),
    ];
}

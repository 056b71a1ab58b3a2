namespace Comintech.Dsr.Notifications;

/// <summary>
/// Every link the system puts into an e-mail or a partner call, on the public base address. Kept in one place so a
/// test can check each one against the routes both hosts serve.
/// </summary>
public sealed class PublicLinks(IOptions<PublicUrlOptions> options)
{
    private string Base => options.Value.PublicBaseUrl.TrimEnd('/');

    public string StatusPage(string requestId) => $"{Base}/?request={Escape(requestId)}";

    public string VerifyPage(string requestId) => $"{Base}/?request={Escape(requestId)}#verify";

    public string AccessPackage(string requestId, long expires, string signature) =>
        $"{Base}/api/requests/{Escape(requestId)}/package?expires={expires.ToString(CultureInfo.InvariantCulture)}&signature={Escape(signature)}";

    public string Recipients(string requestId) => $"{Base}/api/requests/{Escape(requestId)}/recipients";

    public string StaffConsole() => $"{Base}/staff";

    public string ManualStepDone(string requestId, string storeId) =>
        $"{Base}/api/staff/requests/{Escape(requestId)}/stores/{Escape(storeId)}/done";

    public string PartnerConfirmations(string partnerId) => $"{Base}/api/partners/{Escape(partnerId)}/confirmations";

    public string PartnerConfirmationPage(string partnerId, string requestId, string action, long expires, string signature) =>
        $"{PartnerConfirmations(partnerId)}/link?requestId={Escape(requestId)}&action={Escape(action)}"
        + $"&expires={expires.ToString(CultureInfo.InvariantCulture)}&signature={Escape(signature)}";

    public string ClientAnswers(string clientId) => $"{Base}/api/clients/{Escape(clientId)}/answers";

    public string ClientAnswerPage(string clientId, string requestId, string action, long expires, string signature) =>
        $"{ClientAnswers(clientId)}/link?requestId={Escape(requestId)}&action={Escape(action)}"
        + $"&expires={expires.ToString(CultureInfo.InvariantCulture)}&signature={Escape(signature)}";

    public static string StatusApiPath(string requestId) => $"/api/requests/{Escape(requestId)}";

    private static string Escape(string value) => Uri.EscapeDataString(value);
}

namespace Comintech.Dsr.Http;

/// <summary>
/// Global Privacy Control (CCPA regulations §7025): a submission sent with <c>Sec-GPC: 1</c> is an opt-out of
/// sale/sharing. With no type given, the signal alone (with an e-mail address) makes that request, under the CCPA;
/// a type the person chose is left as it is. The language, when not given, comes from <c>Accept-Language</c>.
/// </summary>
public static class GlobalPrivacyControl
{
    public const string Header = "Sec-GPC";

    public static bool IsSignalled(HttpRequest http) => http.Headers[Header].ToString().Trim() == "1";

    /// <summary>Fills the fields the signal and the headers imply; true when the signal was present.</summary>
    public static bool Apply(HttpRequest http, Dictionary<string, string?> fields)
    {
        if (string.IsNullOrWhiteSpace(fields.GetValueOrDefault("language")) && Languages.FromAcceptLanguage(http.Headers.AcceptLanguage.ToString()) is { } language)
        {
            fields["language"] = language;
        }

        if (!IsSignalled(http))
        {
            return false;
        }

        if (string.IsNullOrWhiteSpace(fields.GetValueOrDefault("type")))
        {
            fields["type"] = RequestType.SaleSharingOptOut.ToWire();
            if (string.IsNullOrWhiteSpace(fields.GetValueOrDefault("jurisdiction")))
            {
                fields["jurisdiction"] = nameof(Jurisdiction.CCPA);
            }
        }

        return true;
    }
}

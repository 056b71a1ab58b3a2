namespace Comintech.Dsr.Http;

/// <summary>
/// Whether the app runs in Azure (App Service and Functions set <c>WEBSITE_SITE_NAME</c>): there the inbox webhook must
/// have its key, answers carry HSTS, and the client address comes from the front end's header.
/// </summary>
public static class HostingMode
{
    public const string SiteNameSetting = "WEBSITE_SITE_NAME";

    public static bool IsAzure(IConfiguration configuration) => !string.IsNullOrEmpty(configuration[SiteNameSetting]);
}

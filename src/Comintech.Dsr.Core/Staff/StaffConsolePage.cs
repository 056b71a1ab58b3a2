namespace Comintech.Dsr.Staff;

/// <summary>
/// GET /staff: the compliance console (<c>Web/Templates/staff.html</c>, <c>Web/Assets/staff.css</c>, <c>staff.js</c>),
/// a static shell with no data in it. Where App Service Authentication is on it offers Entra ID sign-in
/// (<c>/.auth/login/aad</c>) and uses the signed-in principal (asked of <c>/api/staff/me</c>); the API key (kept in
/// sessionStorage) stays for local use. Every value from the API is rendered with textContent.
/// </summary>
public static class StaffConsolePage
{
    public const string EntraSignInPath = "/.auth/login/aad?post_login_redirect_uri=%2Fstaff";

    private static readonly string KeyOnly = Shell(entraSignIn: false);

    private static readonly string WithEntra = Shell(entraSignIn: true);

    /// <param name="entraSignIn">Offer Entra ID sign-in (App Service Authentication is in front of the app).</param>
    public static IResult Page(bool entraSignIn) => WebAssets.Html(entraSignIn ? WithEntra : KeyOnly);

    private static string Shell(bool entraSignIn) => HtmlTemplates.Render("staff.html", new TemplateModel
    {
        ["entraSignIn"] = entraSignIn,
        ["entraSignInPath"] = EntraSignInPath,
    }).Value;
}

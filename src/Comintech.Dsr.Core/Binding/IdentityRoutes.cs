namespace Comintech.Dsr.Binding;

/// <summary>Binding an account to a request at tier 2: by the control panel's signed link, or by staff.</summary>
public static class IdentityRoutes
{
    public static IReadOnlyList<DsrRoute> All { get; } =
    [
        DsrRoute.Call<IdentityHttpHandlers>("POST", "/api/requests/{id}/identity", "IdentityLinkFunction", "Present a control-panel link: binds the account at tier 2.", h => h.PresentLinkAsync),
        DsrRoute.Call<IdentityHttpHandlers>("POST", "/api/staff/requests/{id}/identity/bind", "StaffBindIdentityFunction", "Bind a checked account id at tier 2.", h => h.StaffBindAsync),
    ];
}

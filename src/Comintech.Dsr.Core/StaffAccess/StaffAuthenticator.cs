namespace Comintech.Dsr.StaffAccess;

/// <summary>Who is acting on the staff routes; the name goes into the audit log.</summary>
public sealed record StaffPrincipal(string Name, string Method)
{
    /// <summary>How the evidence ledger names this staff member as the actor.</summary>
    public string Actor => "staff:" + Name;
}

/// <summary>
/// Authenticates the staff routes of both hosts. In Azure, App Service Authentication (Entra ID) puts the signed-in
/// user into <c>X-MS-CLIENT-PRINCIPAL</c> (base64 JSON with claims); the user needs the app role <c>Dsr.Staff</c>.
/// That header is trusted only where App Service Authentication is on (<c>WEBSITE_AUTH_ENABLED</c>, or
/// <c>Staff:TrustAppServicePrincipal</c>), because elsewhere a caller could send it. Otherwise, or as well, an API key
/// (<c>Staff:ApiKey</c>) in <c>X-Api-Key</c>, compared in constant time.
/// </summary>
public sealed class StaffAuthenticator(IConfiguration configuration)
{
    public const string ApiKeyHeader = "X-Api-Key";
    public const string ClientPrincipalHeader = "X-MS-CLIENT-PRINCIPAL";
    public const string StaffRole = "Dsr.Staff";
    public const string ApiKeySetting = "Staff:ApiKey";

    private static readonly string[] NameClaims =
    [
        "preferred_username",
        "name",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name",
        "http://schemas.microsoft.com/identity/claims/objectidentifier",
    ];

    /// <summary>True where App Service Authentication (Entra ID) is in front of the app: the console then offers its sign-in.</summary>
    public bool TrustsClientPrincipal =>
        string.Equals(configuration["WEBSITE_AUTH_ENABLED"], "true", StringComparison.OrdinalIgnoreCase)
        || string.Equals(configuration["Staff:TrustAppServicePrincipal"], "true", StringComparison.OrdinalIgnoreCase);

    /// <returns>The staff member, or null when the request carries no valid credentials.</returns>
    public StaffPrincipal? Authenticate(HttpRequest request)
    {
        if (TrustsClientPrincipal && request.Headers.TryGetValue(ClientPrincipalHeader, out var principal))
        {
            return FromClientPrincipal(principal.ToString());
        }

        var configured = configuration[ApiKeySetting];
        var offered = request.Headers[ApiKeyHeader].ToString();
        return !string.IsNullOrEmpty(configured) && offered.Length > 0 && KeysMatch(configured, offered)
            ? new StaffPrincipal("api-key", "api-key")
            : null;
    }

    /// <summary>Hashing first gives both sides one length, so the comparison time says nothing about the key.</summary>
    private static bool KeysMatch(string configured, string offered) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(configured)), SHA256.HashData(Encoding.UTF8.GetBytes(offered)));

    private static StaffPrincipal? FromClientPrincipal(string header)
    {
        try
        {
            using var document = JsonDocument.Parse(Convert.FromBase64String(header));
            var root = document.RootElement;
            var roleType = root.TryGetProperty("role_typ", out var rt) && rt.ValueKind == JsonValueKind.String ? rt.GetString() : null;
            var nameType = root.TryGetProperty("name_typ", out var nt) && nt.ValueKind == JsonValueKind.String ? nt.GetString() : null;
            if (!root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var pairs = claims.EnumerateArray()
                .Where(c => c.ValueKind == JsonValueKind.Object)
                .Select(c => (Type: Text(c, "typ"), Value: Text(c, "val")))
                .Where(c => c.Type is not null && c.Value is not null)
                .ToList();
            var isStaff = pairs.Any(c => (c.Type == "roles" || c.Type == roleType) && c.Value == StaffRole);
            var name = new[] { nameType }.Concat(NameClaims)
                .Select(type => pairs.FirstOrDefault(c => c.Type == type).Value)
                .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
            return isStaff && name is not null ? new StaffPrincipal(name, "entra-id") : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement claim, string property) =>
        claim.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

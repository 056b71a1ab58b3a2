namespace Comintech.Dsr.Smoke;

/// <summary>Settings under <c>Dsr:Smoke</c>: the key a smoke test presents; empty turns the smoke routes off (404).</summary>
public sealed class SmokeOptions
{
    public const string Section = "Dsr:Smoke";

    public const string KeyHeader = "X-Dsr-Smoke-Key";

    /// <summary>At least 32 characters when set; in Azure a Key Vault secret.</summary>
    public string? Key { get; set; }

    public bool Enabled => !string.IsNullOrEmpty(Key);

    public bool IsValid => !Enabled || Key!.Length >= 32;

    public bool Authorises(HttpRequest request)
    {
        var offered = request.Headers[KeyHeader].ToString();
        return Enabled && offered.Length > 0 && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(Key!)), SHA256.HashData(Encoding.UTF8.GetBytes(offered)));
    }
}

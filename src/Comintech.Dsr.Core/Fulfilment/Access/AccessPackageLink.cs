namespace Comintech.Dsr.Fulfilment.Access;

/// <summary>
/// The signed, expiring token of one access package's download link: HMAC-SHA256 over the request id and the expiry
/// (Unix seconds), under a key derived from <c>Dsr:IdentifierHashKey</c> for this purpose only.
/// </summary>
public static class AccessPackageLink
{
    private static readonly byte[] Purpose = Encoding.UTF8.GetBytes("dsr-access-package-link-v1");

    public static string Sign(string masterKey, string requestId, long expires) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(
            DeriveKey(masterKey), Encoding.UTF8.GetBytes($"{requestId}|{expires.ToString(CultureInfo.InvariantCulture)}")));

    /// <summary>True when the signature belongs to this request and expiry (whether or not that expiry has passed).</summary>
    public static bool IsAuthentic(string masterKey, string requestId, long expires, string? signature) =>
        signature is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(masterKey, requestId, expires)), Encoding.ASCII.GetBytes(signature));

    private static byte[] DeriveKey(string masterKey) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(masterKey), Purpose);
}

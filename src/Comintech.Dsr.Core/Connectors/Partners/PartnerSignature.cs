namespace Comintech.Dsr.Connectors.Partners;

/// <summary>
/// HMAC-SHA256 signing shared with partners, both ways: <c>X-Dsr-Signature: sha256=&lt;hex of HMAC(secret,
/// timestamp + "." + body)&gt;</c> with <c>X-Dsr-Timestamp</c> in Unix seconds. A receiver refuses stale timestamps
/// and signatures it has seen before.
/// </summary>
public static class PartnerSignature
{
    public const string TimestampHeader = "X-Dsr-Timestamp";
    public const string SignatureHeader = "X-Dsr-Signature";
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public static string Sign(string secret, long timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + body)));

    /// <summary>A JSON POST to <paramref name="url"/> signed with <paramref name="secret"/> at <paramref name="now"/>, with its idempotency key.</summary>
    public static HttpRequestMessage SignedPost(string? url, string body, string secret, DateTimeOffset now, string idempotencyKey)
    {
        var timestamp = now.ToUnixTimeSeconds();
        var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        message.Headers.Add(TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        message.Headers.Add(SignatureHeader, Sign(secret, timestamp, body));
        message.Headers.Add("Idempotency-Key", idempotencyKey);
        return message;
    }

    /// <summary>True when the signature is the body's under the secret and the timestamp is inside the window.</summary>
    public static bool IsValid(string secret, string? timestamp, string? signature, string body, DateTimeOffset now)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || signature is null
            || (now - DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, 253402300799))).Duration() > Window)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, seconds, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature.Trim()));
    }

    /// <summary>The signature of an e-mailed confirmation link: HMAC(secret, partnerId|requestId|action|expires).</summary>
    public static string SignLink(string secret, string partnerId, string requestId, string action, long expires) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{partnerId}|{requestId}|{action}|{expires.ToString(CultureInfo.InvariantCulture)}")));

    public static bool IsValidLink(string secret, string partnerId, string requestId, string action, long expires, string? signature, DateTimeOffset now) =>
        signature is not null && now.ToUnixTimeSeconds() <= expires
        && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(SignLink(secret, partnerId, requestId, action, expires)), Encoding.ASCII.GetBytes(signature));
}

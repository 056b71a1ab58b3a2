namespace Comintech.Dsr.Identity;

/// <summary>What a valid control-panel token says: this signed-in customer holds this account, until then.</summary>
public sealed record ControlPanelClaims(string AccountId, string Email, DateTimeOffset ExpiresAt);

/// <summary>
/// Tier-2 proof from the control panel: a token <c>v1.&lt;payload&gt;.&lt;signature&gt;</c>, where payload is the
/// base64url JSON <c>{"acc": account id, "email": address, "exp": Unix seconds}</c> and signature the base64url
/// HMAC-SHA256 of <c>"v1." + payload</c> under <c>Dsr:Identity:ControlPanelKey</c>, which only the control panel and
/// this system hold. A token is refused when altered, expired, or claiming more than <c>MaxLinkLifetime</c>.
/// </summary>
public sealed class ControlPanelLinks(IOptions<IdentityOptions> options, TimeProvider clock)
{
    public const int MaxTokenLength = 1024;
    private const string Version = "v1";

    public bool Enabled => options.Value.ControlPanelKey is { Length: >= 32 };

    /// <summary>What the control panel does (shown here for tests and the README's contract).</summary>
    public static string Create(string key, string accountId, string email, DateTimeOffset expiresAt)
    {
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Payload(accountId, email, expiresAt.ToUnixTimeSeconds())));
        return $"{Version}.{payload}.{Base64Url(Sign(key, payload))}";
    }

    /// <summary>The claims of a genuine, current token; null for anything else (no reason is given to the caller).</summary>
    public ControlPanelClaims? Verify(string? token)
    {
        var key = options.Value.ControlPanelKey;
        if (!Enabled || string.IsNullOrEmpty(token) || token.Length > MaxTokenLength)
        {
            return null;
        }

        var parts = token.Trim().Split('.');
        if (parts.Length != 3 || parts[0] != Version || !TryDecode(parts[2], out var signature)
            || !CryptographicOperations.FixedTimeEquals(signature, Sign(key!, parts[1])) || !TryDecode(parts[1], out var json))
        {
            return null;
        }

        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<Payload>(json);
        }
        catch (JsonException)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (payload is not { AccountId.Length: > 0, Email.Length: > 0 } || payload.Expires > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return null;
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(Math.Max(0, payload.Expires));
        return expiresAt <= now || expiresAt - now > options.Value.MaxLinkLifetime
            ? null
            : new ControlPanelClaims(payload.AccountId.Trim(), payload.Email.Trim(), expiresAt);
    }

    private static byte[] Sign(string key, string payload) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.ASCII.GetBytes($"{Version}.{payload}"));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        if (text.Length == 0 || !text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return false;
        }

        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        try
        {
            bytes = Convert.FromBase64String(padded);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private sealed record Payload(
        [property: JsonPropertyName("acc")] string AccountId,
        [property: JsonPropertyName("email")] string Email,
        [property: JsonPropertyName("exp")] long Expires);
}

namespace Comintech.Dsr.Storage;

/// <summary>Keyed hash of an identifier (HMAC-SHA256, hex), so lookups never need the clear value.</summary>
public sealed class IdentifierHasher(IOptions<IdentifierHashOptions> options)
{
    private readonly byte[] key = Encoding.UTF8.GetBytes(options.Value.IdentifierHashKey);

    public string Hash(string identifier) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(identifier.Trim().ToLowerInvariant())));

    /// <summary>Keyed hash of a value exactly as given, under a key derived for <paramref name="purpose"/> only.</summary>
    public string HashFor(string purpose, string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(purpose)), Encoding.UTF8.GetBytes(value)));
}

using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Comintech.Dsr.Storage;

/// <summary>Keyed hash of an identifier (HMAC-SHA256, hex), so lookups never need the clear value.</summary>
public sealed class IdentifierHasher(IOptions<IdentifierHashOptions> options)
{
    private readonly byte[] key = Encoding.UTF8.GetBytes(options.Value.IdentifierHashKey);

    public string Hash(string identifier) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(identifier.Trim().ToLowerInvariant())));
}

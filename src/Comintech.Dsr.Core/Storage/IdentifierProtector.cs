namespace Comintech.Dsr.Storage;

/// <summary>
/// Envelope encryption of the identifiers a request row keeps while the request is open: each row has its own random
/// data key (AES-256-GCM), stored only wrapped under the key-encryption key derived from <c>Dsr:Protection:Key</c>
/// (configuration; Key Vault in Azure). A table reader without that key sees no address, name or account id; removing
/// the wrapped key (minimisation) makes every encrypted value of the row unreadable for good.
/// Values are bound to their row and column (associated data), so they cannot be moved to another row.
/// </summary>
public sealed class IdentifierProtector(IOptions<ProtectionOptions> options)
{
    public const string Prefix = "enc:v1:";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] keyEncryptionKey = HKDF.DeriveKey(
        HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(options.Value.Key), 32, info: Encoding.ASCII.GetBytes("dsr-request-kek-v1"));

    /// <summary>A fresh data key for a new row, and its wrapped form to store beside the values.</summary>
    public (byte[] DataKey, string Wrapped) NewDataKey(string rowId)
    {
        var dataKey = RandomNumberGenerator.GetBytes(32);
        return (dataKey, Seal(keyEncryptionKey, dataKey, "key|" + rowId));
    }

    public byte[] Unwrap(string wrapped, string rowId) => Open(keyEncryptionKey, wrapped, "key|" + rowId);

    public string? Encrypt(byte[] dataKey, string rowId, string column, string? value) =>
        value is null ? null : Prefix + Seal(dataKey, Encoding.UTF8.GetBytes(value), $"{rowId}|{column}");

    /// <summary>The clear value; rows written before encryption hold clear text, which is returned as it is.</summary>
    public string? Decrypt(byte[]? dataKey, string rowId, string column, string? stored) =>
        stored is null || !stored.StartsWith(Prefix, StringComparison.Ordinal) ? stored
        : dataKey is null ? throw new CryptographicException($"Row {rowId} has encrypted values but no data key.")
        : Encoding.UTF8.GetString(Open(dataKey, stored[Prefix.Length..], $"{rowId}|{column}"));

    private static string Seal(byte[] key, byte[] plain, string associated)
    {
        var output = new byte[NonceSize + plain.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize, plain.Length), output.AsSpan(NonceSize + plain.Length), Encoding.UTF8.GetBytes(associated));
        return Convert.ToBase64String(output);
    }

    private static byte[] Open(byte[] key, string sealedText, string associated)
    {
        var input = Convert.FromBase64String(sealedText);
        if (input.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The encrypted value is too short.");
        }

        var plain = new byte[input.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize, plain.Length), input.AsSpan(NonceSize + plain.Length), plain, Encoding.UTF8.GetBytes(associated));
        return plain;
    }
}

namespace Comintech.Dsr.Verification;

/// <summary>Six-digit one-time codes and their salted hashes.</summary>
public static class VerificationCodes
{
    /// <summary>
    /// The code for a salt under the system's secret key: a re-run of the step that sends code N finds N's salt and
    /// mails the same code, so a crash between sending and recording never leaves the person with a dead code.
    /// </summary>
    public static string Derive(string key, byte[] salt)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes("verification-code:" + key), salt);
        return (BitConverter.ToUInt64(mac, 0) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    public static bool IsWellFormed(string? code) => code is { Length: 6 } && code.All(char.IsAsciiDigit);

    public static byte[] NewSalt() => RandomNumberGenerator.GetBytes(16);

    public static byte[] Hash(byte[] salt, string code) => HMACSHA256.HashData(salt, Encoding.ASCII.GetBytes(code));

    /// <summary>Compares in constant time, whatever the code.</summary>
    public static bool Matches(byte[] salt, byte[] expectedHash, string code) =>
        CryptographicOperations.FixedTimeEquals(Hash(salt, code), expectedHash);
}

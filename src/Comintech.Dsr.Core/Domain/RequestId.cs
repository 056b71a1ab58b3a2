using System.Buffers.Text;

namespace Comintech.Dsr.Domain;

/// <summary>
/// A request id: 160 random bits, base64url without padding (27 characters). It is the only thing about a
/// request that crosses into the orchestration engine, and it is unguessable, so it also guards the status URL.
/// </summary>
public static class RequestId
{
    private const int RandomBytes = 20;
    public const int Length = 27;

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[RandomBytes];
        RandomNumberGenerator.Fill(bytes);
        return Base64Url.EncodeToString(bytes);
    }

    public static bool IsWellFormed(string? value) =>
        value is { Length: Length } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

namespace Comintech.Dsr.Storage;

/// <summary>
/// <c>Dsr:IdentifierHashKey</c>: the key of the keyed hash (HMAC-SHA256) under which e-mail addresses are looked up; codes and
/// access-package links are derived from it too.
/// </summary>
public sealed class IdentifierHashOptions
{
    public const string Section = "Dsr";

    [SecretKey]
    public string IdentifierHashKey { get; set; } = "";
}

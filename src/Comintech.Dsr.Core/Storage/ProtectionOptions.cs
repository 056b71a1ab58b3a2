namespace Comintech.Dsr.Storage;

/// <summary>Settings under <c>Dsr:Protection</c>: the key that encrypts the identifiers request rows keep.</summary>
public sealed class ProtectionOptions
{
    public const string Section = "Dsr:Protection";

    /// <summary>
    /// Secret from which the key-encryption key of request rows is derived (at least 32 characters; in Azure from Key
    /// Vault, locally generated into <c>.dsr/protection-key</c>). Losing it makes open requests' identifiers unreadable.
    /// </summary>
    [SecretKey]
    public string Key { get; set; } = "";
}

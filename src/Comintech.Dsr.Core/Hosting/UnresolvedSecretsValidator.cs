namespace Comintech.Dsr.Hosting;

/// <summary>
/// App Service passes a Key Vault reference it could not resolve (missing secret, no access for the identity, a typo)
/// to the app as its literal text. Such a value would pass every other check (it is long enough to be a hash key)
/// and silently break the system, so start-up fails naming each setting that still holds one.
/// </summary>
internal sealed class UnresolvedSecretsValidator(IConfiguration configuration) : IValidateOptions<StorageAccountOptions>
{
    public const string ReferencePrefix = "@Microsoft.KeyVault(";

    public ValidateOptionsResult Validate(string? name, StorageAccountOptions options)
    {
        var unresolved = configuration.AsEnumerable()
            .Where(setting => setting.Value?.TrimStart().StartsWith(ReferencePrefix, StringComparison.OrdinalIgnoreCase) == true)
            .Select(setting => setting.Key.Replace(":", "__", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        return unresolved.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(unresolved.Select(setting =>
                $"App setting {setting} is an unresolved Key Vault reference: check that the secret exists and that the app's identity may read it (Key Vault Secrets User)."));
    }
}

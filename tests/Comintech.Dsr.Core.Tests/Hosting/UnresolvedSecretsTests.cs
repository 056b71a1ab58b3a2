using Microsoft.Extensions.Options;

namespace Comintech.Dsr.Core.Tests.Hosting;

public class UnresolvedSecretsTests
{
    private const string Reference = "@Microsoft.KeyVault(VaultName=kv-dsr-abc;SecretName=IdentifierHashKey)";

    [Fact]
    public async Task Start_up_fails_naming_each_setting_that_holds_an_unresolved_key_vault_reference()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => CoreHost.StartAsync(
            ("Dsr:IdentifierHashKey", Reference),
            ("Partners:Acme:Secret", " @microsoft.keyvault(SecretUri=https://kv-dsr-abc.vault.azure.net/secrets/Acme/)")));

        Assert.Contains("App setting Dsr__IdentifierHashKey is an unresolved Key Vault reference", failure.Message);
        Assert.Contains("App setting Partners__Acme__Secret is an unresolved Key Vault reference", failure.Message);
        Assert.DoesNotContain("kv-dsr-abc", failure.Message);
    }

    [Fact]
    public async Task Resolved_settings_start()
    {
        await CoreHost.StartAsync(("Dsr:Mail:FromAddress", "privacy@comintech.example"));
    }
}

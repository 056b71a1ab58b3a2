using Comintech.Dsr.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Comintech.Dsr.Core.Tests.Hosting;

public class UnresolvedSecretsTests
{
    private const string Reference = "@Microsoft.KeyVault(VaultName=kv-dsr-abc;SecretName=IdentifierHashKey)";

    private static async Task StartAsync(params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "datamap.json"), optional: false);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dsr:StorageConnectionString"] = "UseDevelopmentStorage=true",
            ["Dsr:IdentifierHashKey"] = "test-identifier-hash-key-0123456789abcdef",
            ["Dsr:Protection:Key"] = "test-protection-key-0123456789abcdef-0123456789",
            ["DataMap:StoreCheck"] = "Off",
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.Logging.ClearProviders();
        builder.Services.AddDsrCore(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();
        await host.StopAsync();
    }

    [Fact]
    public async Task Start_up_fails_naming_each_setting_that_holds_an_unresolved_key_vault_reference()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(
            ("Dsr:IdentifierHashKey", Reference),
            ("Partners:Acme:Secret", " @microsoft.keyvault(SecretUri=https://kv-dsr-abc.vault.azure.net/secrets/Acme/)")));

        Assert.Contains("App setting Dsr__IdentifierHashKey is an unresolved Key Vault reference", failure.Message);
        Assert.Contains("App setting Partners__Acme__Secret is an unresolved Key Vault reference", failure.Message);
        Assert.DoesNotContain("kv-dsr-abc", failure.Message);
    }

    [Fact]
    public async Task Resolved_settings_start()
    {
        await StartAsync(("Dsr:Mail:FromAddress", "privacy@comintech.example"));
    }
}

using Comintech.Dsr.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Comintech.Dsr.Testing;

/// <summary>The core services wired as the hosts wire them, against a test storage account.</summary>
public static class TestServices
{
    public const string HashKey = "test-identifier-hash-key-0123456789abcdef";
    public const string ProtectionKey = "test-protection-key-0123456789abcdef-0123456789";

    /// <summary>The table of the default data map's one store (created by <see cref="AzuriteFixture"/>: a missing store fails).</summary>
    public const string DefaultStoreTable = "TestAccounts";

    public static IConfiguration Configuration(string connectionString, string pickupDirectory, IDictionary<string, string?>? overrides = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Dsr:StorageConnectionString"] = connectionString,
            ["Dsr:IdentifierHashKey"] = HashKey,
            ["Dsr:Protection:Key"] = ProtectionKey,
            ["Dsr:Mail:PickupDirectory"] = pickupDirectory,
            ["DataMap:Stores:0:Id"] = "customer-accounts",
            ["DataMap:Stores:0:Name"] = "Customer accounts",
            ["DataMap:Stores:0:Kind"] = "AzureTable",
            ["DataMap:Stores:0:Categories:0"] = "contact details",
            ["DataMap:Stores:0:Purpose"] = "Service",
            ["DataMap:Stores:0:LegalBasis"] = "Contract",
            ["DataMap:Stores:0:Retention"] = "Life of the account",
            ["DataMap:Stores:0:Settings:Table"] = DefaultStoreTable,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    /// <summary>Configuration keys declaring data-map store number <paramref name="index"/> with placeholder Art. 15 facts.</summary>
    public static Dictionary<string, string?> Store(int index, string id, string kind, IDictionary<string, string> settings, params string[] identifiers)
    {
        var prefix = $"DataMap:Stores:{index}:";
        var values = new Dictionary<string, string?>
        {
            [prefix + "Id"] = id,
            [prefix + "Name"] = id,
            [prefix + "Kind"] = kind,
            [prefix + "Categories:0"] = "contact details",
            [prefix + "Purpose"] = "Service",
            [prefix + "LegalBasis"] = "Contract",
            [prefix + "Retention"] = "1 year",
        };
        foreach (var (key, value) in settings)
        {
            values[prefix + "Settings:" + key] = value;
        }

        for (var i = 0; i < identifiers.Length; i++)
        {
            values[$"{prefix}Identifiers:{i}"] = identifiers[i];
        }

        return values;
    }

    public static ServiceProvider Build(IConfiguration configuration, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(configuration);
        services.AddDsrCore(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider(validateScopes: true);
    }
}

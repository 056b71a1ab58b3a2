using Comintech.Dsr.Connectors;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Comintech.Dsr.Core.Tests.Connectors;

/// <summary>The demo data map and the example data map in the README pass the start-up validation with every connector.</summary>
public class DataMapFilesTests
{
    private static DataMapOptions Load(string file, IDictionary<string, string?>? overrides = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, file), optional: false)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Dsr:StorageConnectionString"] = "UseDevelopmentStorage=true",
                ["Dsr:IdentifierHashKey"] = "test-identifier-hash-key-0123456789abcdef",
                ["Dsr:Protection:Key"] = "test-protection-key-0123456789abcdef-0123456789",
            })
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddDsrCore(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<DataMapOptions>>().Value;
    }

    [Fact]
    public void The_example_data_map_is_valid_and_uses_every_kind_of_store()
    {
        var map = Load("datamap.example.json");

        Assert.Equal(
            ["AzureTable", "Backup", "BlobWebLogs", "Manual", "PartnerWebhook", "PostgreSql", "ProcessorRouting", "SendGridMarketing"],
            map.Stores.Select(s => s.Kind).Distinct().Order(StringComparer.Ordinal));
        var billing = map.Get("billing");
        Assert.Equal(ActionMode.Retained, billing.PolicyFor(ConnectorAction.Erase).Mode);
        Assert.Equal(ActionMode.Supported, billing.PolicyFor(ConnectorAction.Export).Mode);
        Assert.Equal([SubjectIdentifier.Email, SubjectIdentifier.LoginIp], map.Get("web-logs").Identifiers);
        Assert.True(map.HoldsLoginHistory(map.Get("login-history")));
        Assert.Equal(["billing.invoices"], billing.Sql!.Tables.Select(t => t.Table));
    }

    [Fact]
    public void The_demo_data_map_is_valid_covers_every_kind_that_runs_without_an_external_service_and_keeps_invoices_for_a_stated_reason()
    {
        var map = Load("datamap.json");
        Assert.Equal(["login-history"], map.Stores.Where(map.HoldsLoginHistory).Select(s => s.Id));
        Assert.Equal(
            ["AzureTable", "Backup", "BlobWebLogs", "Manual", "PartnerWebhook", "ProcessorRouting", "SendGridMarketing"],
            map.Stores.Select(s => s.Kind).Distinct().Order(StringComparer.Ordinal));
        var partners = map.Stores.Where(s => s.Kind == "PartnerWebhook").ToList();
        Assert.Single(partners, p => p.Setting("Email") is not null);
        Assert.Single(partners, p => p.Setting("Endpoint") is not null);
        var invoices = map.Get("billing-invoices").PolicyFor(ConnectorAction.Erase);
        Assert.Equal(ActionMode.Retained, invoices.Mode);
        Assert.False(string.IsNullOrWhiteSpace(invoices.Reason));
    }

    [Fact]
    public void A_bad_entry_fails_start_up_naming_the_entry_and_field()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Load("datamap.example.json", new Dictionary<string, string?>
        {
            ["DataMap:Stores:2:Sql:Tables:0:Table"] = "invoices; DROP TABLE x",
            ["DataMap:Stores:5:Settings:ApiKey"] = "SG.inline-secret",
        }));

        Assert.Contains(error.Failures, f => f.StartsWith("DataMap:Stores:2 (billing): Sql:Tables:0:Table:", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("DataMap:Stores:5 (newsletter): Settings:ApiKey looks like a secret", StringComparison.Ordinal));
    }

    [Fact]
    public void A_host_without_a_data_map_file_reads_the_map_from_settings_and_a_named_file_must_exist()
    {
        var empty = Directory.CreateTempSubdirectory("dsr-no-map-").FullName;
        try
        {
            var fromSettings = new ConfigurationManager();
            fromSettings.AddInMemoryCollection(new Dictionary<string, string?> { ["DataMap:Stores:0:Id"] = "from-settings" });
            fromSettings.AddDataMapFile(empty);
            Assert.Equal("from-settings", fromSettings["DataMap:Stores:0:Id"]);

            var named = new ConfigurationManager();
            named.AddInMemoryCollection(new Dictionary<string, string?> { ["DataMap:File"] = "production-map.json" });
            var failure = Assert.Throws<FileNotFoundException>(() => named.AddDataMapFile(empty));
            Assert.Equal($"DataMap:File names {Path.Combine(empty, "production-map.json")}, which does not exist.", failure.Message);

            var relative = new ConfigurationManager();
            relative.AddInMemoryCollection(new Dictionary<string, string?> { ["DataMap:File"] = "datamap.example.json" });
            relative.AddDataMapFile(AppContext.BaseDirectory);
            Assert.NotNull(relative["DataMap:Stores:0:Id"]);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }
}

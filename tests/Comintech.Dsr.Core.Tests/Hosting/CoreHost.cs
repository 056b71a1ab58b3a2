using Comintech.Dsr.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Comintech.Dsr.Core.Tests.Hosting;

/// <summary>A host with the shared services (<see cref="DsrServiceCollectionExtensions.AddDsrCore"/>) and valid settings, started and stopped: start-up validation runs.</summary>
internal static class CoreHost
{
    public static async Task StartAsync(params (string Key, string Value)[] settings)
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
}

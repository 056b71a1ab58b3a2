using Azure.Core;
using Microsoft.Extensions.Azure;

namespace Comintech.Dsr.Hosting;

/// <summary>
/// Registers the data account's clients through Microsoft.Extensions.Azure: by connection string when one is set
/// (Azurite), otherwise by service URI with DefaultAzureCredential (the managed identity named by AZURE_CLIENT_ID).
/// </summary>
public static class DsrStorageClients
{
    public const string ClientName = "Dsr";

    public static IServiceCollection AddDsrStorageClients(this IServiceCollection services, IConfiguration configuration)
    {
        // Resolved when the clients are first built, after the host has finished its configuration (the local engine
        // adds Azurite's connection string at start-up).
        StorageTarget Target() => StorageTarget.Resolve(configuration);
        services.AddSingleton<StorageTransactions>();
        services.AddAzureClients(clients =>
        {
            clients.UseCredential(_ => new DefaultAzureCredential());
            Add<TableServiceClient, TableClientOptions>(
                clients, StorageTransactions.Table, (t, credential, options) => new(t.TableServiceUri, credential, options), (cs, options) => new(cs, options));
            Add<BlobServiceClient, BlobClientOptions>(
                clients, StorageTransactions.Blob, (t, credential, options) => new(t.BlobServiceUri, credential, options), (cs, options) => new(cs, options));
        });
        // Microsoft.Extensions.Azure forwards the SDK's own event logs (request URIs, every non-2xx response) into
        // ILogger. Only its errors are kept: failures reach our code as exceptions and are logged there, without PII.
        services.AddLogging(logging => logging.AddFilter("Azure.Core", LogLevel.Error));
        services.AddSingleton(sp => new DsrStorage(
            sp.GetRequiredService<IAzureClientFactory<TableServiceClient>>().CreateClient(ClientName),
            sp.GetRequiredService<IAzureClientFactory<BlobServiceClient>>().CreateClient(ClientName)));
        return services;

        void Add<TClient, TOptions>(
            AzureClientFactoryBuilder clients, string service,
            Func<StorageTarget, TokenCredential, TOptions, TClient> byIdentity, Func<string, TOptions, TClient> byConnectionString)
            where TClient : class
            where TOptions : ClientOptions =>
            clients.AddClient<TClient, TOptions>((options, credential, sp) =>
            {
                sp.GetRequiredService<StorageTransactions>().Attach(options, service);
                var target = Target();
                return target.UsesIdentity ? byIdentity(target, credential, options) : byConnectionString(target.ConnectionString!, options);
            }).WithName(ClientName);
    }
}

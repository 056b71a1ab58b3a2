using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Comintech.Dsr.Storage;
using Comintech.Dsr.Telemetry;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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
            clients.AddClient<TableServiceClient, TableClientOptions>((options, credential, sp) =>
            {
                sp.GetRequiredService<StorageTransactions>().Attach(options, StorageTransactions.Table);
                return Target() switch
                {
                    { UsesIdentity: true } identity => new TableServiceClient(identity.TableServiceUri, credential, options),
                    var keyed => new TableServiceClient(keyed.ConnectionString, options),
                };
            }).WithName(ClientName);
            clients.AddClient<BlobServiceClient, BlobClientOptions>((options, credential, sp) =>
            {
                sp.GetRequiredService<StorageTransactions>().Attach(options, StorageTransactions.Blob);
                return Target() switch
                {
                    { UsesIdentity: true } identity => new BlobServiceClient(identity.BlobServiceUri, credential, options),
                    var keyed => new BlobServiceClient(keyed.ConnectionString, options),
                };
            }).WithName(ClientName);
        });
        // Microsoft.Extensions.Azure forwards the SDK's own event logs (request URIs, every non-2xx response) into
        // ILogger. Only its errors are kept: failures reach our code as exceptions and are logged there, without PII.
        services.AddLogging(logging => logging.AddFilter("Azure.Core", LogLevel.Error));
        services.AddSingleton(sp => new DsrStorage(
            sp.GetRequiredService<IAzureClientFactory<TableServiceClient>>().CreateClient(ClientName),
            sp.GetRequiredService<IAzureClientFactory<BlobServiceClient>>().CreateClient(ClientName)));
        return services;
    }
}

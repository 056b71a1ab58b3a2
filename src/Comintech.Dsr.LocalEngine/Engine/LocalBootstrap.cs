using System.Security.Cryptography;
using Comintech.Dsr.LocalEngine.Storage;

namespace Comintech.Dsr.LocalEngine.Engine;

/// <summary>What the local engine sets up before it builds its services: storage and local-only secrets.</summary>
public static class LocalBootstrap
{
    /// <summary>
    /// Uses the configured storage account, or starts Azurite (data in .dsr/azurite) and points the configuration at it.
    /// </summary>
    /// <returns>The Azurite process to stop at shutdown, or null.</returns>
    public static async Task<AzuriteProcess?> EnsureStorageAsync(ConfigurationManager configuration, EngineOptions engine)
    {
        if (!string.IsNullOrWhiteSpace(configuration["Dsr:StorageConnectionString"]) || !string.IsNullOrWhiteSpace(configuration["AzureWebJobsStorage"]))
        {
            return null;
        }

        var azurite = await AzuriteProcess.StartAsync(
            RepositoryPaths.Root,
            RepositoryPaths.Resolve(engine.AzuriteLocation),
            engine.AzuriteBlobPort,
            engine.AzuriteQueuePort,
            engine.AzuriteTablePort,
            reuseIfListening: true);
        configuration["Dsr:StorageConnectionString"] = azurite.ConnectionString;
        return azurite;
    }

    /// <summary>A local identifier-hash key, made once and kept in .dsr/ (in Azure it comes from Key Vault).</summary>
    public static void EnsureIdentifierHashKey(ConfigurationManager configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration["Dsr:IdentifierHashKey"]))
        {
            return;
        }

        var path = Path.Combine(RepositoryPaths.LocalState, "identifier-hash-key");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(RepositoryPaths.LocalState);
            File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }

        configuration["Dsr:IdentifierHashKey"] = File.ReadAllText(path).Trim();
    }

    /// <summary>Relative folders in configuration are taken from the repository root, wherever the engine was started.</summary>
    public static void AnchorPickupFolder(ConfigurationManager configuration)
    {
        var pickup = configuration["Dsr:Mail:PickupDirectory"] ?? ".dsr/mail";
        configuration["Dsr:Mail:PickupDirectory"] = RepositoryPaths.Resolve(pickup);
    }
}

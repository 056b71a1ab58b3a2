using System.Buffers.Text;
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
    public static void EnsureIdentifierHashKey(ConfigurationManager configuration) =>
        EnsureLocalSecret(configuration, "Dsr:IdentifierHashKey", "identifier-hash-key");

    /// <summary>The key that encrypts request rows' identifiers, made once and kept in .dsr/ (in Azure it comes from Key Vault).</summary>
    public static void EnsureProtectionKey(ConfigurationManager configuration) =>
        EnsureLocalSecret(configuration, "Dsr:Protection:Key", "protection-key");

    /// <summary>The staff API key when none is configured: made once, kept in .dsr/staff-api-key, shown in the banner.</summary>
    public static void EnsureStaffApiKey(ConfigurationManager configuration) =>
        EnsureLocalSecret(configuration, "Staff:ApiKey", "staff-api-key");

    private static void EnsureLocalSecret(ConfigurationManager configuration, string key, string fileName)
    {
        if (!string.IsNullOrWhiteSpace(configuration[key]))
        {
            return;
        }

        var path = Path.Combine(RepositoryPaths.LocalState, fileName);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(RepositoryPaths.LocalState);
            File.WriteAllText(path, Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)));
        }

        configuration[key] = File.ReadAllText(path).Trim();
    }

    /// <summary>Relative folders in configuration are taken from the repository root, wherever the engine was started.</summary>
    public static void AnchorPickupFolder(ConfigurationManager configuration)
    {
        var pickup = configuration["Dsr:Mail:PickupDirectory"] ?? ".dsr/mail";
        configuration["Dsr:Mail:PickupDirectory"] = RepositoryPaths.Resolve(pickup);
    }
}

using System.Buffers.Text;
using System.Security.Cryptography;

namespace Comintech.Dsr.LocalEngine.Engine;

/// <summary>What the local engine sets up before it builds its services: storage and local-only secrets.</summary>
public static class LocalBootstrap
{
    /// <summary>
    /// Uses the configured storage account, or starts Azurite (data in .dsr/azurite; the task hub's tables, unless
    /// <see cref="EngineOptions.TaskHubStorage"/> names an account, in a table service of their own with data in
    /// .dsr/azurite/taskhub) and points the configuration at it.
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
            reuseIfListening: true,
            taskHubTablePort: string.IsNullOrWhiteSpace(engine.TaskHubStorage) ? engine.AzuriteTaskHubTablePort : 0);
        configuration["Dsr:StorageConnectionString"] = azurite.ConnectionString;
        return azurite;
    }

    /// <summary>
    /// The account of the task hub: <see cref="EngineOptions.TaskHubStorage"/>; else <paramref name="ownTaskHubStorage"/>
    /// (the task hub table service of the Azurite the engine started), unless the hub already has its tables beside the
    /// data (made before that service existed: moving would strand the workflows in flight); else the data's account.
    /// </summary>
    public static async Task<string> TaskHubStorageAsync(
        EngineOptions engine, string dataStorage, string? ownTaskHubStorage, CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrWhiteSpace(engine.TaskHubStorage))
        {
            return engine.TaskHubStorage;
        }

        if (ownTaskHubStorage is null || ownTaskHubStorage == dataStorage)
        {
            return dataStorage;
        }

        var instances = engine.TaskHubName + "Instances";
        var besideData = await HasTableAsync(dataStorage, instances, cancellationToken);
        return besideData && !await HasTableAsync(ownTaskHubStorage, instances, cancellationToken) ? dataStorage : ownTaskHubStorage;
    }

    /// <summary>Whether the account's table service has <paramref name="table"/>.</summary>
    public static async Task<bool> HasTableAsync(string connectionString, string table, CancellationToken cancellationToken = default)
    {
        await foreach (var _ in new TableServiceClient(connectionString).QueryAsync(TableServiceClient.CreateQueryFilter($"TableName eq {table}"), cancellationToken: cancellationToken))
        {
            return true;
        }

        return false;
    }

    /// <summary>A local identifier-hash key, made once and kept in .dsr/ (in Azure it comes from Key Vault).</summary>
    public static void EnsureIdentifierHashKey(ConfigurationManager configuration) =>
        EnsureLocalSecret(configuration, "Dsr:IdentifierHashKey", Path.Combine(RepositoryPaths.LocalState, "identifier-hash-key"));

    /// <summary>The key that encrypts request rows' identifiers, made once and kept in .dsr/ (in Azure it comes from Key Vault).</summary>
    public static void EnsureProtectionKey(ConfigurationManager configuration) =>
        EnsureLocalSecret(configuration, "Dsr:Protection:Key", Path.Combine(RepositoryPaths.LocalState, "protection-key"));

    /// <summary>The staff API key when none is configured: made once and kept in .dsr/staff-api-key.</summary>
    /// <returns>The file holding the key, or null when the key is configured.</returns>
    public static string? EnsureStaffApiKey(ConfigurationManager configuration) =>
        EnsureLocalSecret(configuration, "Staff:ApiKey", Path.Combine(RepositoryPaths.LocalState, "staff-api-key"));

    /// <summary>
    /// Reads the secret from <paramref name="path"/>, creating it (random, 256 bits) when missing. The file is readable
    /// by its owner only (0600, in a 0700 folder), also when an older start left it open.
    /// </summary>
    /// <returns>The file, or null when the setting was configured and no file is used.</returns>
    public static string? EnsureLocalSecret(ConfigurationManager configuration, string key, string path)
    {
        if (!string.IsNullOrWhiteSpace(configuration[key]))
        {
            return null;
        }

        var folder = Path.GetDirectoryName(path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            if (!File.Exists(path))
            {
                File.WriteAllText(path, Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)));
            }
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            if (!File.Exists(path))
            {
                using var file = new FileStream(path, new FileStreamOptions
                {
                    Mode = FileMode.CreateNew,
                    Access = FileAccess.Write,
                    UnixCreateMode = OwnerOnly,
                });
                file.Write(Encoding.ASCII.GetBytes(Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))));
            }

            File.SetUnixFileMode(path, OwnerOnly);
        }

        configuration[key] = File.ReadAllText(path).Trim();
        return path;
    }

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Relative folders in configuration are taken from the repository root, wherever the engine was started.</summary>
    public static void AnchorPickupFolder(ConfigurationManager configuration)
    {
        var pickup = configuration["Dsr:Mail:PickupDirectory"] ?? ".dsr/mail";
        configuration["Dsr:Mail:PickupDirectory"] = RepositoryPaths.Resolve(pickup);
    }
}

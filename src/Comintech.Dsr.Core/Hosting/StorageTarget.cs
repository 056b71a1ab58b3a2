namespace Comintech.Dsr.Hosting;

/// <summary>
/// How the system reaches its data account: a connection string (Azurite, or an account key), or the account's
/// service URIs with an Entra ID credential (DefaultAzureCredential: the managed identity in Azure).
/// </summary>
public sealed record StorageTarget(string? ConnectionString, Uri? BlobServiceUri, Uri? TableServiceUri)
{
    public const string IdentitySection = "Dsr:Storage";

    public bool UsesIdentity => ConnectionString is null;

    /// <summary>
    /// First of: <c>Dsr:StorageConnectionString</c>; <c>Dsr:Storage:AccountName</c> or its
    /// <c>BlobServiceUri</c> and <c>TableServiceUri</c>; <c>AzureWebJobsStorage</c> as a connection string; the host's
    /// identity-based <c>AzureWebJobsStorage:accountName</c> (or its service URIs). Null when none is set.
    /// </summary>
    public static StorageTarget? TryResolve(IConfiguration configuration) =>
        configuration["Dsr:StorageConnectionString"] is { Length: > 0 } own ? new(own, null, null)
        : FromIdentitySettings(configuration.GetSection(IdentitySection))
        ?? (configuration["AzureWebJobsStorage"] is { Length: > 0 } host ? new(host, null, null)
        : FromIdentitySettings(configuration.GetSection("AzureWebJobsStorage")));

    public static StorageTarget Resolve(IConfiguration configuration) =>
        TryResolve(configuration) ?? throw new InvalidOperationException(
            "No storage account is configured: set Dsr:StorageConnectionString, Dsr:Storage:AccountName or AzureWebJobsStorage.");

    private static StorageTarget? FromIdentitySettings(IConfigurationSection section)
    {
        var account = section["accountName"];
        var blob = section["blobServiceUri"] ?? Endpoint(account, "blob");
        var table = section["tableServiceUri"] ?? Endpoint(account, "table");
        if (blob is null && table is null)
        {
            return null;
        }

        if (blob is null || table is null)
        {
            throw new InvalidOperationException($"{section.Path} needs both blobServiceUri and tableServiceUri, or accountName.");
        }

        return new(null, new Uri(blob, UriKind.Absolute), new Uri(table, UriKind.Absolute));
    }

    private static string? Endpoint(string? account, string service) =>
        string.IsNullOrWhiteSpace(account) ? null : $"https://{account}.{service}.core.windows.net";
}

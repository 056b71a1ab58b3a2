namespace Comintech.Dsr.Hosting;

/// <summary><c>Dsr:StorageConnectionString</c>: the storage account that holds requests, evidence and documents (see <see cref="StorageTarget"/>).</summary>
public sealed class StorageAccountOptions
{
    public const string Section = "Dsr";

    /// <summary>Empty: <c>Dsr:Storage:AccountName</c> (an Entra ID identity) or <c>AzureWebJobsStorage</c> is used.</summary>
    public string? StorageConnectionString { get; set; }
}

namespace Comintech.Dsr.Http;

/// <summary><c>Dsr:PublicBaseUrl</c>: the address people reach the service on (links in e-mails, the staff routes' origin check).</summary>
public sealed class PublicUrlOptions
{
    public const string Section = "Dsr";

    [Required]
    [Url]
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:7071";
}

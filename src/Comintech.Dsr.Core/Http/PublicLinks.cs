using Comintech.Dsr.Hosting;
using Microsoft.Extensions.Options;

namespace Comintech.Dsr.Http;

/// <summary>Links put into e-mails, on the public base address.</summary>
public sealed class PublicLinks(IOptions<DsrOptions> options)
{
    private string Base => options.Value.PublicBaseUrl.TrimEnd('/');

    public string StatusPage(string requestId) => $"{Base}/?request={Uri.EscapeDataString(requestId)}";

    public string VerifyPage(string requestId) => $"{Base}/?request={Uri.EscapeDataString(requestId)}#verify";

    public static string StatusApiPath(string requestId) => $"/api/requests/{Uri.EscapeDataString(requestId)}";
}

using System.Text.RegularExpressions;
using Comintech.Dsr.Core.Tests.Web;
using Comintech.Dsr.Http;
using Comintech.Dsr.Staff;
using Comintech.Dsr.StaffAccess;
using Comintech.Dsr.Web;
using Microsoft.AspNetCore.Http;

namespace Comintech.Dsr.Core.Tests.Http;

public partial class SecurityHeadersTests
{
    [Fact]
    public async Task The_pages_run_only_the_apps_own_script_and_style_files_and_nothing_inline()
    {
        foreach (var html in await WebPagesTests.EveryPageAsync())
        {
            Assert.DoesNotMatch(InlineBlock(), html);
            Assert.DoesNotMatch(InlineHandlerOrStyle(), html);
            foreach (Match file in LinkedFile().Matches(html))
            {
                Assert.Contains(file.Groups[1].Value, WebAssets.Served);
            }
        }

        Assert.Contains("script-src 'self';", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "/api/staff/requests/x/deny", "application/x-www-form-urlencoded", null, StatusCodes.Status415UnsupportedMediaType)]
    [InlineData("POST", "/api/staff/requests/x/deny", "text/plain", null, StatusCodes.Status415UnsupportedMediaType)]
    [InlineData("POST", "/api/staff/requests/x/deny", "application/json", "https://evil.example", StatusCodes.Status403Forbidden)]
    [InlineData("POST", "/api/staff/requests/x/deny", "application/json", "https://privacy.comintech.example", null)]
    [InlineData("POST", "/api/staff/requests/x/deny", "application/json", null, null)]
    [InlineData("POST", "/api/requests", "application/x-www-form-urlencoded", "https://evil.example", null)]
    [InlineData("GET", "/api/staff/requests", null, "https://evil.example", null)]
    public void Staff_posts_take_json_from_our_own_origin_only(string method, string path, string? contentType, string? origin, int? refused)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("dsr-app.azurewebsites.net");
        context.Request.Path = path;
        context.Request.ContentType = contentType;
        if (origin is not null)
        {
            context.Request.Headers.Origin = origin;
        }

        var result = StaffRequestGuard.Refusal(context.Request, "https://privacy.comintech.example");

        Assert.Equal(refused, (result as IStatusCodeHttpResult)?.StatusCode ?? (result is null ? null : -1));
    }

    [GeneratedRegex("<style|<script(?![^>]*\\ssrc=\"/ui/)", RegexOptions.IgnoreCase)]
    private static partial Regex InlineBlock();

    [GeneratedRegex("(?:src|href)=\"/ui/([^\"]+)\"")]
    private static partial Regex LinkedFile();

    [GeneratedRegex("\\s(style|on[a-z]+)=\"", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandlerOrStyle();
}

public class ClientIpTests
{
    [Theory]
    [InlineData(null, null, "10.0.0.9")]
    [InlineData("X-Forwarded-For", "198.51.100.1, 203.0.113.7:51234", "203.0.113.7")]
    [InlineData("X-Forwarded-For", "[2001:db8::1]:443", "2001:db8::1")]
    [InlineData("X-Azure-ClientIP", "203.0.113.8", "203.0.113.8")]
    [InlineData("X-Forwarded-For", "not an address", "10.0.0.9")]
    public void The_client_is_the_last_entry_the_front_end_added_else_the_connection(string? header, string? value, string expected)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = System.Net.IPAddress.Parse("10.0.0.9");
        if (header is not null)
        {
            context.Request.Headers[header] = value;
        }

        Assert.Equal(expected, Comintech.Dsr.Limits.ClientRateLimits.ClientIp(context, header));
    }
}

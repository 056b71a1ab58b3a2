using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using System.Text;
using Azure.Data.Tables;
using Comintech.Dsr.Staff;
using Comintech.Dsr.StaffAccess;
using Comintech.Dsr.Storage;
using Comintech.Dsr.Testing;

namespace Comintech.Dsr.LocalEngine.Tests;

/// <summary>The engine at its default per-IP limits, reading the client address from X-Forwarded-For so each test is its own client.</summary>
public sealed class LimitedEngineFixture : EngineFixture
{
    public const string ApiKey = "limits-tests-staff-key-0123456789";

    protected override IDictionary<string, string>? Settings => new Dictionary<string, string>
    {
        ["Dsr__Limits__PerIpWrites"] = "20",
        ["Dsr__Limits__PerIpReads"] = "300",
        ["Dsr__Limits__ClientIpHeader"] = "X-Forwarded-For",
        ["Staff__ApiKey"] = ApiKey,
    };
}

/// <summary>Public routes under abuse: floods, limits, headers, malformed forms, cross-site staff posts.</summary>
public sealed class AbuseLimitsTests(LimitedEngineFixture fixture) : IClassFixture<LimitedEngineFixture>
{
    private EngineProcess Engine => fixture.Engine;

    private static HttpRequestMessage From(string ip, HttpMethod method, string path, HttpContent? content = null)
    {
        var message = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        message.Headers.Add("X-Forwarded-For", "198.51.100.1, " + ip);
        return message;
    }

    [Fact]
    public async Task Thirty_submissions_for_one_address_in_a_minute_make_one_request_at_most_two_mails_then_429s()
    {
        var body = new { type = "deletion", email = "flood.victim@example.com", fullName = "Flood Victim" };
        var ids = new List<string>();
        var tooMany = 0;
        for (var i = 0; i < 30; i++)
        {
            using var response = await Engine.Http.SendAsync(From("203.0.113.7", HttpMethod.Post, "/api/requests", JsonContent.Create(body)));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                tooMany++;
                continue;
            }

            Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{Engine.Output}");
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(["requestId", "status", "statusUrl"], answer.EnumerateObject().Select(p => p.Name).Order());
            Assert.Equal("Received", answer.GetProperty("status").GetString());
            ids.Add(answer.GetProperty("requestId").GetString()!);
        }

        Assert.Equal((20, 10), (ids.Count, tooMany));
        Assert.Equal(ids.Count, ids.Distinct().Count());

        var storage = new DsrStorage(new TableServiceClient(fixture.Azurite.ConnectionString), new Azure.Storage.Blobs.BlobServiceClient(fixture.Azurite.ConnectionString));
        var requests = (await TableRows.AllAsync(storage.Requests)).Where(r => r.RowKey == OwnRowKey.For("request", r.PartitionKey)).ToList();
        Assert.Single(requests);
        await Engine.CodeAsync(requests[0].PartitionKey);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var mails = Directory.GetFiles(Engine.PickupDirectory, "*.eml");
        Assert.InRange(mails.Length, 1, 2);

        // Every answer works as a request id, under its own id: an alias does not give away the request it stands for.
        using var status = await Engine.Http.SendAsync(From("203.0.113.8", HttpMethod.Get, $"/api/requests/{ids[^1]}"));
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        var seen = await status.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((ids[^1], "deletion"), (seen.GetProperty("requestId").GetString(), seen.GetProperty("type").GetString()));

        // The person, holding the mailed code and the id their repeated submission got, verifies the one request.
        var code = await Engine.CodeAsync(requests[0].PartitionKey);
        using var verified = await Engine.Http.SendAsync(From("203.0.113.9", HttpMethod.Post, $"/api/requests/{ids[^1]}/verify", JsonContent.Create(new { code })));
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        Assert.Equal(ids[^1], (await verified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("requestId").GetString());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/staff")]
    public async Task Pages_carry_a_csp_header_without_unsafe_inline_and_the_other_security_headers(string path)
    {
        using var response = await Engine.Http.SendAsync(From("203.0.113.20", HttpMethod.Get, path));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = string.Join(';', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS is for Azure (HTTPS) only.");
        Assert.Equal(path == "/staff", response.Headers.CacheControl?.NoStore == true);
    }

    [Fact]
    public async Task Staff_answers_are_not_stored()
    {
        using var request = From("203.0.113.21", HttpMethod.Get, "/api/staff/requests");
        request.Headers.Add(StaffAuthenticator.ApiKeyHeader, LimitedEngineFixture.ApiKey);
        using var response = await Engine.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task A_3000_character_form_key_is_400()
    {
        var body = new string('k', 3000) + "=v&type=access&email=a%40example.com&fullName=A";

        using var response = await Engine.Http.SendAsync(From(
            "203.0.113.30", HttpMethod.Post, "/api/requests", new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded")));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Staff_posts_take_json_only_and_refuse_another_origin()
    {
        var path = $"/api/staff/requests/{Comintech.Dsr.Domain.RequestId.New()}/deny";
        using var form = From("203.0.113.40", HttpMethod.Post, path, new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "x" }));
        form.Headers.Add(StaffAuthenticator.ApiKeyHeader, LimitedEngineFixture.ApiKey);
        using var crossSite = From("203.0.113.40", HttpMethod.Post, path, JsonContent.Create(new { reason = "x" }));
        crossSite.Headers.Add(StaffAuthenticator.ApiKeyHeader, LimitedEngineFixture.ApiKey);
        crossSite.Headers.Add("Origin", "https://evil.example");
        using var sameOrigin = From("203.0.113.40", HttpMethod.Post, path, JsonContent.Create(new { reason = "x" }));
        sameOrigin.Headers.Add(StaffAuthenticator.ApiKeyHeader, LimitedEngineFixture.ApiKey);
        sameOrigin.Headers.Add("Origin", Engine.BaseUrl);

        using var formAnswer = await Engine.Http.SendAsync(form);
        using var crossAnswer = await Engine.Http.SendAsync(crossSite);
        using var sameAnswer = await Engine.Http.SendAsync(sameOrigin);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, formAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, crossAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, sameAnswer.StatusCode);
    }

    [Fact]
    public async Task The_start_banner_says_where_the_staff_key_is_without_printing_it()
    {
        for (var i = 0; i < 50 && !Engine.Output.Contains("Staff console:", StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
        }

        Assert.Contains("Staff console:", Engine.Output, StringComparison.Ordinal);
        Assert.Contains("the configured Staff:ApiKey", Engine.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(LimitedEngineFixture.ApiKey, Engine.Output, StringComparison.Ordinal);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Comintech.Dsr.LocalEngine.Demo;
using Comintech.Dsr.Testing;

namespace Comintech.Dsr.LocalEngine.Tests;

/// <summary>Every kind of bad input gets a clear 4xx problem+json from the running engine, never a 5xx.</summary>
public sealed class BadInputTests(EngineFixture fixture) : IClassFixture<EngineFixture>
{
    private HttpClient Http => fixture.Engine.Http;

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<HttpResponseMessage> PostRawAsync(string path, string body, string contentType) =>
        Http.PostAsync(new Uri(path, UriKind.Relative), new StringContent(body, Encoding.UTF8, contentType));

    [Theory]
    [InlineData("{\"type\":\"deletion\",", "body")]
    [InlineData("{\"type\":\"erase\",\"email\":\"a@example.com\",\"fullName\":\"A\"}", "type")]
    [InlineData("{\"type\":\"access\",\"email\":\"not-an-email\",\"fullName\":\"A\"}", "email")]
    [InlineData("{\"type\":\"access\"}", "email")]
    [InlineData("{}", "fullName")]
    [InlineData("{\"type\":\"correction\",\"email\":\"a@example.com\",\"fullName\":\"A\"}", "corrections")]
    public async Task Invalid_submissions_name_the_bad_field(string body, string field)
    {
        using var response = await PostRawAsync("/api/requests", body, "application/json");

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task An_oversized_body_is_413()
    {
        var body = JsonSerializer.Serialize(new { type = "access", email = "a@example.com", fullName = "A", details = new string('x', 70 * 1024) });

        using var response = await PostRawAsync("/api/requests", body, "application/json");

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_wrong_content_type_is_415()
    {
        using var response = await PostRawAsync("/api/requests", "type=access", "text/plain");

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Unknown_request_ids_are_404_on_every_route()
    {
        var unknown = Comintech.Dsr.Domain.RequestId.New();

        using var status = await Http.GetAsync(new Uri($"/api/requests/{unknown}", UriKind.Relative));
        using var malformed = await Http.GetAsync(new Uri("/api/requests/not-an-id", UriKind.Relative));
        using var verify = await fixture.Engine.VerifyAsync(unknown, "123456");
        using var resend = await Http.PostAsync(new Uri($"/api/requests/{unknown}/resend", UriKind.Relative), null);

        foreach (var response in new[] { status, malformed, verify, resend })
        {
            await AssertProblemAsync(response, HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Wrong_codes_count_down_and_the_sixth_attempt_is_locked()
    {
        var bobby = DemoDataSeeder.People[3];
        var id = await fixture.Engine.SubmitAsync(new { type = "access", email = bobby.Email, fullName = bobby.FullName });
        var code = await fixture.Engine.CodeAsync(id);
        var wrong = code == "000000" ? "000001" : "000000";

        using (var malformed = await fixture.Engine.VerifyAsync(id, "12ab"))
        {
            Assert.True((await AssertProblemAsync(malformed, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("code", out _));
        }

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var response = await fixture.Engine.VerifyAsync(id, wrong);
            var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.Equal(5 - attempt, problem.GetProperty("attemptsLeft").GetInt32());
        }

        using var sixth = await fixture.Engine.VerifyAsync(id, code);
        await AssertProblemAsync(sixth, (HttpStatusCode)423);

        using var resend = await Http.PostAsync(new Uri($"/api/requests/{id}/resend", UriKind.Relative), null);
        await AssertProblemAsync(resend, HttpStatusCode.TooManyRequests);
        Assert.NotNull(resend.Headers.RetryAfter);
    }

    [Fact]
    public async Task The_request_form_is_served_and_a_form_post_is_accepted()
    {
        var page = await Http.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("<form id=\"request-form\" method=\"post\" action=\"/api/requests?lang=en\">", page, StringComparison.Ordinal);
        Assert.Contains("'/api/requests'", await Http.GetStringAsync(new Uri("/ui/form.js", UriKind.Relative)), StringComparison.Ordinal);

        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/requests?lang=es", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["type"] = "access", ["email"] = "someone@example.com", ["fullName"] = "Some One", ["language"] = "es",
            }),
        };
        post.Headers.Accept.ParseAdd("text/html");
        using var response = await Http.SendAsync(post);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains("código de 6 cifras", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_nested_option_stops_the_engine_with_a_message_naming_it()
    {
        await using var engine = new EngineProcess(fixture.Azurite.ConnectionString, "badopt" + Guid.NewGuid().ToString("N")[..8], new Dictionary<string, string>
        {
            ["Dsr__Verification__MaxAttempts"] = "0",
        });

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(engine.StartAsync);

        Assert.Contains("Dsr:Verification:MaxAttempts: ", refused.Message, StringComparison.Ordinal);
    }
}

/// <summary>An engine whose codes live 2 seconds, to see an expired code refused over HTTP.</summary>
public sealed class ExpiredCodeTests : IAsyncLifetime
{
    private readonly AzuriteFixture azurite = new();
    private EngineProcess engine = null!;

    public async Task InitializeAsync()
    {
        await azurite.InitializeAsync();
        engine = new EngineProcess(azurite.ConnectionString, "expiry" + Guid.NewGuid().ToString("N")[..8], new Dictionary<string, string>
        {
            ["Dsr__Verification__CodeTtl"] = "00:00:02",
        });
        await engine.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await engine.DisposeAsync();
        await azurite.DisposeAsync();
    }

    [Fact]
    public async Task An_expired_code_is_410()
    {
        var id = await engine.SubmitAsync(new { type = "access", email = "late@example.com", fullName = "Late Person" });
        var code = await engine.CodeAsync(id);
        await Task.Delay(TimeSpan.FromSeconds(3));

        using var response = await engine.VerifyAsync(id, code);

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

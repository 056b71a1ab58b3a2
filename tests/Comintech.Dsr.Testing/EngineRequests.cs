using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Comintech.Dsr.Testing;

/// <summary>What a person does over HTTP: submit, read the code from the mailbox, verify.</summary>
public static class EngineRequests
{
    public static async Task<string> SubmitAsync(this EngineProcess engine, object body)
    {
        using var response = await engine.Http.PostAsJsonAsync(new Uri("/api/requests", UriKind.Relative), body);
        Assert.True(
            response.StatusCode == System.Net.HttpStatusCode.Accepted,
            $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{engine.Output}");
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        return json.GetProperty("requestId").GetString()!;
    }

    public static async Task<string> CodeAsync(this EngineProcess engine, string requestId, int issue = 1)
    {
        var mail = await MailPickup.WaitForAsync(engine.PickupDirectory, $"{requestId}.code-{issue}.eml", TimeSpan.FromSeconds(60));
        return MailPickup.CodeIn(mail);
    }

    public static Task<HttpResponseMessage> VerifyAsync(this EngineProcess engine, string requestId, string code) =>
        engine.Http.PostAsJsonAsync(new Uri($"/api/requests/{requestId}/verify", UriKind.Relative), new { code });

    /// <summary>A partner's confirmation, signed with its shared secret as the partner routes require.</summary>
    public static Task<HttpResponseMessage> PartnerConfirmAsync(this EngineProcess engine, string partnerId, string secret, string body, long? timestamp = null)
    {
        var seconds = timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var message = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/partners/{partnerId}/confirmations", UriKind.Relative))
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        message.Headers.Add(Connectors.Partners.PartnerSignature.TimestampHeader, seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        message.Headers.Add(Connectors.Partners.PartnerSignature.SignatureHeader, Connectors.Partners.PartnerSignature.Sign(secret, seconds, body));
        return engine.Http.SendAsync(message);
    }
}

using System.Globalization;
using Comintech.Dsr.Connectors.Partners;

namespace Comintech.Dsr.LocalEngine.Demo;

/// <summary>
/// A DEMO domain-registration agent, hosted by the local engine only when demo data is on: it takes the signed webhook
/// at <c>POST /demo/partners/domain-agent</c> like a real partner (refusing a bad signature), and after
/// <c>Demo:PartnerDelay</c> confirms with a signed POST to the <c>confirmUrl</c> it was given. It holds no data: it
/// confirms one record erased (or exported, or corrected).
/// </summary>
public sealed partial class DemoDomainAgent(IConfiguration configuration, IHttpClientFactory http, TimeProvider clock, ILogger<DemoDomainAgent> logger) : BackgroundService
{
    public const string Route = "/demo/partners/domain-agent";

    private readonly Channel<(string RequestId, string Action, string ConfirmUrl)> pending = Channel.CreateUnbounded<(string, string, string)>();

    private TimeSpan Delay => configuration.GetValue("Demo:PartnerDelay", TimeSpan.FromSeconds(5));

    public async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        var secret = configuration[DemoSetup.DomainAgentSecretName];
        if (secret is null || !PartnerSignature.IsValid(
            secret, request.Headers[PartnerSignature.TimestampHeader], request.Headers[PartnerSignature.SignatureHeader], body, clock.GetUtcNow()))
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Bad signature");
        }

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        pending.Writer.TryWrite((root.GetProperty("requestId").GetString()!, root.GetProperty("action").GetString()!, root.GetProperty("confirmUrl").GetString()!));
        return Results.Accepted();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (requestId, action, confirmUrl) in pending.Reader.ReadAllAsync(stoppingToken))
        {
            _ = ConfirmLaterAsync(requestId, action, confirmUrl, stoppingToken);
        }
    }

    private async Task ConfirmLaterAsync(string requestId, string action, string confirmUrl, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(Delay, stoppingToken);
            var body = JsonSerializer.Serialize(new { requestId, action = action == "export" ? "access" : action, outcome = "done", recordsAffected = 1 });
            var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
            using var message = new HttpRequestMessage(HttpMethod.Post, confirmUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            message.Headers.Add(PartnerSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
            message.Headers.Add(PartnerSignature.SignatureHeader, PartnerSignature.Sign(configuration[DemoSetup.DomainAgentSecretName]!, timestamp, body));
            using var response = await http.CreateClient(nameof(DemoDomainAgent)).SendAsync(message, stoppingToken);
            LogConfirmed(logger, requestId, (int)response.StatusCode);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Its reminder brings the request again; the demo agent then confirms again.
            LogNotConfirmed(logger, requestId, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo domain agent confirmed request {RequestId}: HTTP {Status}")]
    private static partial void LogConfirmed(ILogger logger, string requestId, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo domain agent could not confirm request {RequestId} ({ExceptionType})")]
    private static partial void LogNotConfirmed(ILogger logger, string requestId, string exceptionType);
}

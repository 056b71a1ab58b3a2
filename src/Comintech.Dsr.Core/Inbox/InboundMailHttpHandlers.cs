using Microsoft.AspNetCore.Http.Features;

namespace Comintech.Dsr.Inbox;

/// <summary>
/// POST /api/inbound/sendgrid: SendGrid Inbound Parse (default or "send raw" mode). Every message taken, linked, ignored
/// or already seen answers 200 so SendGrid stops retrying; a message that cannot be taken in answers 4xx and is stored for staff.
/// Without a configured key the route is open only outside Azure, and then SendGrid's SPF/DKIM fields are not believed.
/// </summary>
public sealed class InboundMailHttpHandlers(InboundMailService inbox, IOptions<InboxOptions> options, IConfiguration configuration, TimeProvider clock)
{
    public async Task<IResult> SendGridAsync(HttpRequest http, DurableTaskClient client)
    {
        var inboxOptions = options.Value;
        var keyed = inboxOptions.WebhookKey is { Length: > 0 } key && KeyMatches(key, http.Query["key"].ToString());
        if (!keyed && (inboxOptions.WebhookKey is { Length: > 0 } || HostingMode.IsAzure(configuration)))
        {
            return Problems.Status(StatusCodes.Status401Unauthorized, "Unknown sender", "The webhook key is missing or wrong.");
        }

        if (!http.HasFormContentType || !http.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Unsupported content type", "Send multipart/form-data as SendGrid Inbound Parse does.");
        }

        // Room for the largest message plus form overhead; what is over the message limit is stored truncated and refused.
        var hardCap = (long)inboxOptions.MaxMessageBytes * 2;
        if (http.ContentLength > hardCap)
        {
            return TooLarge(inboxOptions.MaxMessageBytes, stored: false);
        }

        if (http.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = hardCap;
        }

        http.HttpContext.Features.Set<IFormFeature>(new FormFeature(http, new FormOptions
        {
            MultipartBodyLengthLimit = hardCap,
            ValueLengthLimit = (int)Math.Min(int.MaxValue, hardCap),
            ValueCountLimit = 200,
        }));

        IFormCollection form;
        try
        {
            form = await http.ReadFormAsync(http.HttpContext.RequestAborted);
        }
        catch (Exception ex) when (ex is InvalidDataException && ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
            || ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            return TooLarge(inboxOptions.MaxMessageBytes, stored: false);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return Problems.Status(StatusCodes.Status400BadRequest, "Malformed form", "The body is not a readable multipart/form-data post.");
        }

        byte[] raw;
        try
        {
            raw = SendGridInboundForm.ToRawMessage(form);
        }
        catch (FormatException)
        {
            return Problems.Status(StatusCodes.Status400BadRequest, "Malformed message", "The headers field is not a readable header block.");
        }

        var delivery = new InboundDelivery(
            raw, clock.GetUtcNow(), InboundDelivery.SendGridPath,
            Transport: keyed ? SenderAuthentication.FromSendGrid(form["SPF"].ToString(), form["dkim"].ToString()) : null);
        var result = await inbox.ProcessAsync(delivery, client, http.HttpContext.RequestAborted);
        return result.Outcome switch
        {
            InboundOutcome.Rejected when result.Reason == "too-large" => TooLarge(inboxOptions.MaxMessageBytes, stored: true),
            InboundOutcome.Rejected => Problems.Status(
                StatusCodes.Status422UnprocessableEntity, "Message not taken in", result.Detail ?? "The message cannot be read.",
                new Dictionary<string, object?> { ["reason"] = result.Reason, ["storedForStaff"] = true }),
            InboundOutcome.InProgress => Problems.Status(
                StatusCodes.Status409Conflict, "Being processed", "This message is being taken in by another delivery; retry later."),
            _ => Results.Ok(new InboundResponse(result.Outcome.ToString(), result.RequestId, result.Reason)),
        };
    }

    private static IResult TooLarge(int limit, bool stored) => Problems.Status(
        StatusCodes.Status413PayloadTooLarge, "Message too large", $"Messages may be at most {limit / (1024 * 1024)} MB.",
        new Dictionary<string, object?> { ["reason"] = "too-large", ["storedForStaff"] = stored });

    private static bool KeyMatches(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));
}

public sealed record InboundResponse(string Outcome, string? RequestId, string? Reason);

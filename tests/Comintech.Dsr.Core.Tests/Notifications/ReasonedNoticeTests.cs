using System.Globalization;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Notifications;

namespace Comintech.Dsr.Core.Tests.Notifications;

/// <summary>The reasoned notices staff actions send: the reason and the dates, in the person's language.</summary>
public class ReasonedNoticeTests
{
    private static DsrRequest Request(string language) => new(
        RequestId.New(), RequestType.Deletion, IntakeChannel.Web, Jurisdiction.GDPR, language,
        DateTimeOffset.Parse("2026-03-10T09:00:00Z", CultureInfo.InvariantCulture), DateTimeOffset.Parse("2026-04-10T23:59:59Z", CultureInfo.InvariantCulture),
        RequestStatus.InProgress, new DataSubject("ana@example.es", "Ana", null), null, new Dictionary<string, string>());

    [Theory]
    [InlineData("en", "Reason: Three archives", "We will respond by 2026-06-10")]
    [InlineData("es", "Motivo: Three archives", "Responderemos a más tardar el 2026-06-10")]
    public void The_extension_notice_gives_the_reason_and_the_new_deadline(string language, string reason, string deadline)
    {
        var request = Request(language);
        var message = MessageTemplates.Extension(request, DateTimeOffset.Parse("2026-06-10T23:59:59Z", CultureInfo.InvariantCulture), "Three archives");

        Assert.Equal($"{request.Id}.extension", message.IdempotencyKey);
        Assert.Contains(reason, message.TextBody, StringComparison.Ordinal);
        Assert.Contains(deadline, message.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "Reason: Legal hold", "data protection authority")]
    [InlineData("es", "Motivo: Legal hold", "autoridad de protección de datos")]
    public void The_denial_notice_gives_the_reason_and_the_right_to_complain(string language, string reason, string complaint)
    {
        var request = Request(language);
        var message = MessageTemplates.Denial(request, "Legal hold");

        Assert.Equal($"{request.Id}.denied", message.IdempotencyKey);
        Assert.Contains(reason, message.TextBody, StringComparison.Ordinal);
        Assert.Contains(complaint, message.TextBody, StringComparison.Ordinal);
    }
}

using System.Globalization;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Fulfilment.Access;
using Comintech.Dsr.Fulfilment.Deletion;
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

    [Theory]
    [InlineData("en", "What we kept and why:", "the link expires on 2026-03-17")]
    [InlineData("es", "Lo que conservamos y por qué:", "el enlace caduca el 2026-03-17")]
    public void The_final_notice_gives_the_package_link_and_names_what_was_kept(string language, string keptHeading, string expiry)
    {
        var request = Request(language);
        var outcomes = new[] { new ConnectorOutcome("billing", ConnectorAction.Erase, OutcomeKind.Retained, 1, 1, "Retained", null, DateTimeOffset.UnixEpoch) };
        var kept = new[] { new RetainedItem("billing", "Billing", ["InvoiceNumber", "Amount"], "Tax law") };
        var package = new PublishedPackage("http://x/api/requests/r/package?expires=1&signature=s", DateTimeOffset.Parse("2026-03-17T10:00:00Z", CultureInfo.InvariantCulture));

        var message = MessageTemplates.Final(request, RequestStatus.Completed, outcomes, new Dictionary<string, string> { ["billing"] = "Billing" }, package, kept);

        Assert.Contains(keptHeading + "\n- Billing (InvoiceNumber, Amount): Tax law", message.TextBody, StringComparison.Ordinal);
        Assert.Contains(expiry, message.TextBody, StringComparison.Ordinal);
        Assert.Contains(package.Link, message.TextBody, StringComparison.Ordinal);
    }
}

using System.Globalization;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Notifications;

namespace Comintech.Dsr.Core.Tests.Notifications;

/// <summary>Every notice the person receives, in English, Spanish and Portuguese; the language from the form or Accept-Language.</summary>
public class NoticeLanguageTests
{
    private static readonly DateTimeOffset Received = DateTimeOffset.Parse("2026-03-10T09:00:00Z", CultureInfo.InvariantCulture);

    private static DsrRequest Request(string language, RequestType type = RequestType.Deletion) => new(
        RequestId.New(), type, IntakeChannel.Web, Jurisdiction.GDPR, language, Received, Received.AddDays(30),
        RequestStatus.InProgress, new DataSubject("ana@example.pt", "Ana", null), null, new Dictionary<string, string>());

    private static IEnumerable<OutgoingEmail> EveryNotice(DsrRequest request) =>
    [
        MessageTemplates.Acknowledgement(request, "http://x/?request=r"),
        MessageTemplates.VerificationCode(request, 1, "123456", TimeSpan.FromMinutes(30), "http://x/#verify"),
        MessageTemplates.NotVerified(request),
        MessageTemplates.Final(request, RequestStatus.Completed, [new ConnectorOutcome("a", ConnectorAction.Erase, OutcomeKind.Done, 1, 1, null, null, Received)], new Dictionary<string, string> { ["a"] = "Accounts" }),
        MessageTemplates.IdentityUpdate(request, "run1", [], new Dictionary<string, string>(), null),
        MessageTemplates.Extension(request, Received.AddDays(90), "Three archives"),
        MessageTemplates.Denial(request, "Legal hold"),
    ];

    [Theory]
    [InlineData("pt", "Recebemos o seu pedido de apagamento em 2026-03-10", "O seu código de verificação", "autoridade de proteção de dados")]
    [InlineData("es", "Hemos recibido su solicitud de supresión el 2026-03-10", "Su código de verificación", "autoridad de protección de datos")]
    [InlineData("en", "We received your deletion request on 2026-03-10", "Your verification code", "data protection authority")]
    public void Every_notice_is_in_the_person_s_language(string language, string acknowledgement, string codeSubject, string authority)
    {
        var notices = EveryNotice(Request(language)).ToList();

        Assert.Contains(acknowledgement, notices[0].TextBody, StringComparison.Ordinal);
        Assert.StartsWith(codeSubject, notices[1].Subject, StringComparison.Ordinal);
        Assert.All(notices.Where(n => n != notices[0] && n != notices[1]), n => Assert.Contains(authority, n.TextBody, StringComparison.Ordinal));
        Assert.Equal(7, notices.Select(n => n.Subject).Distinct().Count());
    }

    [Fact]
    public void Portuguese_notices_carry_no_English_or_Spanish_sentence()
    {
        var portuguese = EveryNotice(Request("pt")).Select(n => n.TextBody).ToList();
        var english = EveryNotice(Request("en")).Select(n => n.TextBody).ToList();
        var spanish = EveryNotice(Request("es")).Select(n => n.TextBody).ToList();

        for (var i = 0; i < portuguese.Count; i++)
        {
            Assert.NotEqual(english[i], portuguese[i]);
            Assert.NotEqual(spanish[i], portuguese[i]);
            Assert.DoesNotContain(" request ", portuguese[i], StringComparison.Ordinal);
            Assert.DoesNotContain(" solicitud ", portuguese[i], StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("pt-BR,pt;q=0.9,en;q=0.8", "pt")]
    [InlineData("de-DE, es;q=0.7, en;q=0.5", "es")]
    [InlineData("en;q=0.2, pt;q=0.9", "pt")]
    [InlineData("fr, de", null)]
    [InlineData("pt;q=0", null)]
    [InlineData("", null)]
    public void Accept_language_picks_the_first_supported_language_by_weight(string header, string? expected) =>
        Assert.Equal(expected, Languages.FromAcceptLanguage(header));

    [Fact]
    public void Portuguese_is_accepted_on_the_form_and_kept_on_the_request()
    {
        Assert.True(Languages.IsSupported("pt"));
        Assert.Equal("pt", Request("pt").Language);
        Assert.Equal("en", Languages.Normalise("de"));
    }
}

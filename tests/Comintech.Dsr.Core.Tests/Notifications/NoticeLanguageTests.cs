using System.Globalization;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Fulfilment.Access;
using Comintech.Dsr.Fulfilment.Deletion;
using Comintech.Dsr.Notifications;

namespace Comintech.Dsr.Core.Tests.Notifications;

/// <summary>
/// Every notice the person receives, in English, Spanish and Portuguese; the language from the form or Accept-Language.
/// Whole notices are pinned word for word as the translation files (<c>Notifications/Texts/notices.*.json</c>) make them.
/// </summary>
public class NoticeLanguageTests
{
    private static readonly DateTimeOffset Received = DateTimeOffset.Parse("2026-03-10T09:00:00Z", CultureInfo.InvariantCulture);

    /// <summary>A request of Ana's; as a correction it asks for a new phone and full name.</summary>
    private static DsrRequest Request(string language, RequestType type = RequestType.Deletion, Jurisdiction law = Jurisdiction.GDPR) => new(
        RequestId.New(), type, IntakeChannel.Web, law, language, Received, Received.AddDays(30), RequestStatus.InProgress,
        new DataSubject("ana@example.pt", "Ana", null), null, new Dictionary<string, string> { ["phone"] = "1", ["fullName"] = "B" });

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

    /// <summary>One store per outcome (s0 done … s4 failed), a package, a refusal, two kept stores and two recipients told.</summary>
    private static FinalNoticeFacts Facts()
    {
        var outcomes = Enum.GetValues<OutcomeKind>()
            .Select((kind, i) => new ConnectorOutcome($"s{i}", ConnectorAction.Erase, kind, 3, 2, $"note {i}", null, Received))
            .ToList();
        return new FinalNoticeFacts(outcomes, outcomes.ToDictionary(o => o.StoreId, o => $"Store {o.StoreId}"))
        {
            Package = new PublishedPackage("http://p", Received.AddDays(5)),
            Kept = [new RetainedItem("s1", "Store s1", ["a", "b"], "tax law (GDPR Art. 17(3))"), new RetainedItem("s2", "Store s2", [], "x")],
            Refused = [new StoreRefusalLine("Store s3", "reason GDPR Art. 12")],
            StoreFields = new Dictionary<string, IReadOnlyCollection<string>> { ["s0"] = ["phone"], ["s1"] = ["phone", "fullName"], ["s2"] = [] },
            NoStoreSellsOrShares = true,
            RecipientsTold = 2,
            RecipientsLink = "http://r",
        };
    }

    [Fact]
    public void A_Spanish_correction_outcome_names_what_each_store_corrected_and_the_authority_configured()
    {
        var notices = new NoticeOptions { Gdpr = new AuthorityContact { Name = "CNPD", Url = "https://cnpd.pt" } };

        var email = MessageTemplates.Final(Request("es", RequestType.Correction), RequestStatus.CompletedWithExceptions, Facts(), notices);

        Assert.Equal("Su solicitud de privacidad: resultado", email.Subject);
        Assert.Equal(
            """
            Su solicitud de rectificación se ha completado salvo lo indicado abajo; nuestro equipo de privacidad se ocupa del resto.

            Descargue sus datos (HTML, JSON y CSV en un zip) aquí; el enlace caduca el 2026-03-15:
            http://p

            - Store s0: rectificado: phone; no guarda el campo fullName, así que allí no había nada que rectificar
            - Store s1: sin datos sobre usted
            - Store s2: conservado por motivo legal: note 2
            - Store s3: en curso
            - Store s4: no se pudo completar automáticamente; nuestro equipo de privacidad lo terminará

            Lo que no hemos hecho y por qué:
            - Store s3: reason GDPR Art. 12

            Lo que conservamos y por qué:
            - Store s1 (a, b): tax law (GDPR Art. 17(3))
            - Store s2: x

            Hemos comunicado esta solicitud a 2 destinatario(s) de sus datos. Para obtener la lista de destinatarios, abra http://r o responda a este mensaje.

            Si no está conforme, responda a este mensaje o reclame ante su autoridad de protección de datos (CNPD, https://cnpd.pt, o la autoridad del lugar donde vive o trabaja); también tiene derecho a acudir a los tribunales (arts. 77 y 79 RGPD).

            """,
            email.TextBody);
    }

    [Fact]
    public void A_Portuguese_Californian_opt_out_outcome_says_nothing_is_sold_and_that_a_record_is_kept()
    {
        var email = MessageTemplates.Final(Request("pt", RequestType.SaleSharingOptOut, Jurisdiction.CCPA), RequestStatus.Completed, Facts());

        Assert.Equal(
            """
            O seu pedido de «não vender nem partilhar as minhas informações pessoais» está concluído.

            Descarregue os seus dados (HTML, JSON e CSV num zip) aqui; a ligação expira em 2026-03-15:
            http://p

            Não vendemos nem partilhamos as suas informações pessoais: nenhum dos nossos sistemas as cede a troco de dinheiro ou para publicidade comportamental entre contextos.

            - Store s0: feito (2 registo(s))
            - Store s1: sem dados sobre si
            - Store s2: conservado por motivo legal: note 2
            - Store s3: em curso
            - Store s4: não foi possível concluir automaticamente; a nossa equipa de privacidade vai terminá-lo

            O que não fizemos e porquê:
            - Store s3: reason

            O que conservámos e porquê:
            - Store s1 (a, b): tax law
            - Store s2: x

            Comunicámos este pedido a 2 destinatário(s) dos seus dados. Para obter a lista de destinatários, abra http://r ou responda a esta mensagem.

            Se não estiver satisfeito, responda a esta mensagem. Pode também apresentar queixa à autoridade de controlo, California Privacy Protection Agency (CPPA), https://cppa.ca.gov, ou ao Procurador-Geral da Califórnia, e pode ter meios judiciais.
            Conservamos um registo deste pedido e da nossa resposta durante 24 meses, como exige a regulamentação da Califórnia.

            """,
            email.TextBody);
    }

    [Fact]
    public void An_English_acknowledgement_and_code_fill_every_placeholder()
    {
        var request = Request("en");

        var acknowledgement = MessageTemplates.Acknowledgement(request, "http://x/?request=r");
        var code = MessageTemplates.VerificationCode(request, 1, "123456", TimeSpan.FromMinutes(30), "http://x/#verify");

        Assert.Equal(
            "We received your deletion request on 2026-03-10.\nWe will respond by 2026-04-09 at the latest.\n"
            + "We are sending you a code to confirm it is you.\n\nRequest status: http://x/?request=r\n",
            acknowledgement.TextBody);
        Assert.Equal("Your verification code: 123456", code.Subject);
        Assert.Equal(
            "Your verification code is 123456. It expires in 30 minutes.\nEnter it here: http://x/#verify\n\n"
            + "If you did not make this request, ignore this message: nothing happens without the code.\n",
            code.TextBody);
    }
}

using Comintech.Dsr.Domain;
using Comintech.Dsr.Inbox;

namespace Comintech.Dsr.Core.Tests.Inbox;

public sealed class RequestClassifierTests
{
    [Theory]
    [InlineData("Delete my data", "", MailIntent.Deletion, "en")]
    [InlineData("Solicitud", "Quiero ejercer mi derecho de acceso a mis datos, gracias.", MailIntent.Access, "es")]
    [InlineData("Pedido", "Gostaria que vocês apaguem os meus dados.", MailIntent.Deletion, "pt")]
    [InlineData("Hello", "Is the shop open on Sunday?", MailIntent.Unclear, "en")]
    [InlineData("Please", "Do not delete my account, I still use it. But I want to unsubscribe from the newsletter.", MailIntent.OptOut, "en")]
    public void Classifies_by_subject_and_body(string subject, string body, MailIntent intent, string language)
    {
        var classification = RequestClassifier.Classify(subject, body);
        Assert.Equal((intent, language), (classification.Intent, classification.Language));
    }

    [Fact]
    public void Quoted_reply_lines_do_not_count_and_opt_out_runs_as_an_opt_out_request()
    {
        Assert.Equal(MailIntent.Unclear, RequestClassifier.Classify("Re: your request", "ok\n> please delete my data\n> erase everything").Intent);
        Assert.Equal(RequestType.OptOut, RequestClassifier.Classify("Unsubscribe", "").RequestType);
        Assert.False(RequestClassifier.Classify("Unsubscribe", "").NeedsTriage);
        Assert.Equal("opt-out", RequestClassifier.Classify("Unsubscribe", "").WireName);
    }

    [Theory]
    [InlineData("Re: Please confirm your request", "Yes, please go ahead.", "On Mon, 30 Nov 2026, Privacy Team <privacy@comintech.example> wrote:")]
    [InlineData("RE: Confirme su solicitud", "Sí, pueden continuar.", "El lun, 30 nov 2026, Privacidad <privacy@comintech.example> escribió:")]
    [InlineData("RES: Confirme sua solicitação", "Sim, podem prosseguir.", "Em seg., 30 de nov. de 2026, Privacidade <privacy@comintech.example> escreveu:")]
    [InlineData("Re: We have received your request", "ok, thanks", "On Mon, 30 Nov 2026, Privacy Team <privacy@comintech.example> wrote:")]
    [InlineData("RE: Hemos recibido su solicitud", "Vale, gracias.", "El lun, 30 nov 2026, Privacidad <privacy@comintech.example> escribió:")]
    [InlineData("RES: Recebemos sua solicitação", "ok, obrigado", "Em seg., 30 de nov. de 2026, Privacidade <privacy@comintech.example> escreveu:")]
    public void A_short_human_reply_to_our_own_mail_goes_to_triage_and_is_not_taken_for_machine_mail(string subject, string reply, string attribution)
    {
        var classification = RequestClassifier.Classify(subject, $"{reply}\n\n{attribution}\n> Reply to this e-mail to confirm.");
        Assert.False(classification.IsMachineMail, classification.WireName);
        Assert.True(classification.NeedsTriage, classification.WireName);
    }

    [Fact]
    public void Away_notices_and_delivery_failures_are_still_machine_mail()
    {
        Assert.True(RequestClassifier.Classify("Automatic reply: your code", "I am out of the office until Monday and will reply on my return.").IsMachineMail);
        Assert.True(RequestClassifier.Classify("Re: Please confirm your request", "I am on holiday until Monday with no access to e-mail. For urgent matters call reception.").IsMachineMail);
        Assert.True(RequestClassifier.Classify("Undelivered Mail Returned to Sender", "Your message could not be delivered to one or more recipients: 550 5.1.1 user unknown.").IsMachineMail);
    }

    [Fact]
    public void California_residents_get_the_ccpa_clock()
    {
        Assert.Equal(Jurisdiction.CCPA, RequestClassifier.Classify("Delete my data", "I live in California.").Jurisdiction);
        Assert.Equal(Jurisdiction.GDPR, RequestClassifier.Classify("Delete my data", "I live in Lisbon.").Jurisdiction);
    }

    [Fact]
    public void Sendgrid_authentication_fields_print_results_only()
    {
        var auth = SenderAuthentication.FromSendGrid("pass", "{@example.com : pass, @mail.example.net : fail}");
        Assert.Equal(("pass", "pass,fail", "example.com"), (auth.Spf, auth.Dkim, auth.DkimPassDomains));
        Assert.DoesNotContain("example", auth.ToString(), StringComparison.Ordinal);
    }
}

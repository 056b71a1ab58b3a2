using Comintech.Dsr.Inbox;

namespace Comintech.Dsr.Core.Tests.Inbox;

public sealed class QuotedTextTests
{
    [Fact]
    public void A_signature_block_after_a_closing_line_and_a_confidentiality_footer_are_dropped()
    {
        const string body = "Please stop sending me marketing emails at this address.\n\nBest regards,\nJanice Wu\nSenior Account Manager\n"
            + "T: +44 20 7946 0000\n\nThis e-mail is confidential. If you have received it in error please notify the sender and delete it.";
        Assert.Equal("Please stop sending me marketing emails at this address.\n", QuotedText.Strip(body));
        Assert.Equal(MailIntent.OptOut, RequestClassifier.ClassifyByRules("marketing", body).Intent);
    }

    [Theory]
    [InlineData("Esta mensagem e seus anexos são confidenciais. Se você a recebeu por engano, avise o remetente e apague-a.")]
    [InlineData("Este correo y sus anexos son confidenciales. Si lo ha recibido por error, bórrelo y avise al remitente.")]
    [InlineData("Informações sigilosas: se recebeu esta mensagem por engano, apague-a imediatamente.")]
    public void Spanish_and_portuguese_confidentiality_footers_are_dropped(string footer)
    {
        const string text = "Não quero mais receber comunicações de marketing.\n\nGuilherme Sá\n";
        Assert.Equal(text, QuotedText.Strip(text + "\n" + footer));
    }

    [Theory]
    [InlineData("Saludos cordiales,\nPilar\nTel.: +34 910 000 000")]
    [InlineData("Atenciosamente,\nDébora Luz\nCel.: (11) 90000-0000")]
    [InlineData("Cumprimentos\nRui")]
    public void Closing_lines_in_spanish_and_portuguese_end_the_sender_text(string signature) =>
        Assert.Equal("Quiero que me envíen mis datos, por favor.", QuotedText.Strip("Quiero que me envíen mis datos, por favor.\n" + signature));

    [Theory]
    [InlineData("hello\nthanks\nplease delete my account")]
    [InlineData("Thanks,\nplease delete my account and my data")]
    public void A_closing_word_without_the_sender_text_before_it_is_not_a_signature(string body) =>
        Assert.Contains("delete my account", QuotedText.Strip(body), StringComparison.Ordinal);

    [Fact]
    public void A_long_text_after_a_closing_line_is_kept()
    {
        var body = "I wrote to you last month about my account.\nThanks\n" + string.Join('\n', Enumerable.Range(1, 9).Select(i => $"Point {i}: please delete this record."));
        Assert.Contains("Point 9", QuotedText.Strip(body), StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_that_only_mentions_confidentiality_is_the_sender_text() =>
        Assert.Contains("confidential", QuotedText.Strip("My medical history is confidential, so delete it from your files."), StringComparison.Ordinal);
}

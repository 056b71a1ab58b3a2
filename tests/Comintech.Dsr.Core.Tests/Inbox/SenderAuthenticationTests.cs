using Comintech.Dsr.Inbox;
using MimeKit;

namespace Comintech.Dsr.Core.Tests.Inbox;

public class SenderAuthenticationTests
{
    private static MimeMessage Message(params string[] authenticationResults)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("someone@example.com"));
        foreach (var value in authenticationResults)
        {
            message.Headers.Add("Authentication-Results", value);
        }

        message.Headers.Add("Received-SPF", "pass (forged) client-ip=192.0.2.1");
        return message;
    }

    [Fact]
    public void A_forged_authentication_results_header_is_not_recorded_as_a_pass()
    {
        var forged = Message("mx.attacker.example; spf=pass smtp.mailfrom=example.com; dkim=pass header.d=example.com; dmarc=pass");

        var result = SenderAuthentication.FromHeaders(forged, transport: null, authServIds: ["mx.comintech.example"]);

        Assert.Equal(new SenderAuthentication(SenderAuthentication.Unknown, SenderAuthentication.Unknown, SenderAuthentication.Unknown), result);
    }

    [Fact]
    public void Only_the_header_our_server_wrote_is_read()
    {
        var message = Message(
            "mx.attacker.example; spf=pass; dkim=pass; dmarc=pass",
            "mx.comintech.example 1; spf=softfail smtp.mailfrom=example.com; dkim=fail; dmarc=fail");

        var result = SenderAuthentication.FromHeaders(message, transport: null, authServIds: ["MX.comintech.example"]);

        Assert.Equal(new SenderAuthentication("softfail", "fail", "fail"), result);
    }

    [Fact]
    public void The_transports_fields_win_when_given()
    {
        var transport = SenderAuthentication.FromSendGrid("fail", "{@example.com : fail}");

        var result = SenderAuthentication.FromHeaders(Message("mx.attacker.example; spf=pass; dkim=pass"), transport, []);

        Assert.Equal(("fail", "fail"), (result.Spf, result.Dkim));
    }

    [Fact]
    public void A_dkim_domain_in_a_header_the_sender_wrote_does_not_align()
    {
        var message = Message(
            "mx.attacker.example; dkim=pass header.i=@example.com; dmarc=pass",
            "mx.comintech.example; spf=pass smtp.mailfrom=attacker.example; dkim=pass header.d=attacker.example; dmarc=fail");

        var result = SenderAuthentication.FromHeaders(message, transport: null, authServIds: ["mx.comintech.example"]);

        Assert.Equal(("pass", "attacker.example"), (result.Dkim, result.DkimPassDomains));
        Assert.False(result.AlignsWith(message));
    }

    [Fact]
    public void A_dkim_pass_by_the_from_domain_aligns()
    {
        var message = Message("mx.comintech.example; spf=fail; dkim=pass header.i=@Example.COM; dmarc=fail");

        Assert.True(SenderAuthentication.FromHeaders(message, transport: null, authServIds: ["mx.comintech.example"]).AlignsWith(message));
    }

    [Theory]
    [InlineData("{@example.com : pass}", true)]
    [InlineData("{@example.com : fail, @attacker.example : pass}", false)]
    [InlineData("", false)]
    public void SendGrids_dkim_field_names_the_domains_that_passed(string dkim, bool aligned)
    {
        var forged = Message("mx.attacker.example; dkim=pass header.i=@example.com");
        var transport = SenderAuthentication.FromSendGrid("pass", dkim);

        var result = SenderAuthentication.FromHeaders(forged, transport, ["mx.comintech.example"]);

        Assert.Equal(aligned, result.AlignsWith(forged));
    }
}

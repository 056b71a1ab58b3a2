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
}

using System.Globalization;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Connectors.ProcessorRouting;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Notifications;

namespace Comintech.Dsr.Core.Tests.Connectors.ProcessorRouting;

/// <summary>The final notice's paragraph naming the Clients as controllers: default EN/ES wording, configured wording, its check.</summary>
public class ControllerNoticeWordingTests
{
    [Theory]
    [InlineData("en", "they are its controller")]
    [InlineData("es", "son las responsables del tratamiento")]
    [InlineData("pt", "são as responsáveis pelo tratamento")]
    [InlineData("xx", "they are its controller")]
    public void The_default_wording_names_the_clients_as_controllers_in_the_persons_language(string language, string expected)
    {
        var text = new ProcessorRoutingOptions().NoticeFor(language);

        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.Contains("{clients}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Configured_wording_wins_and_must_say_where_the_clients_go()
    {
        var options = new ProcessorRoutingOptions { Notice = { ["en"] = "Controllers:\n{clients}", ["es"] = "Sin lista" } };

        Assert.Equal("Controllers:\n{clients}", options.NoticeFor("en"));
        Assert.Equal(["Dsr:ProcessorRouting:Notice:es must contain {clients}."], options.Problems());
    }

    [Fact]
    public void The_final_notice_carries_the_paragraph_after_the_stores()
    {
        var request = new DsrRequest(
            RequestId.New(), RequestType.Deletion, IntakeChannel.Web, Jurisdiction.GDPR, "es",
            DateTimeOffset.Parse("2026-03-10T09:00:00Z", CultureInfo.InvariantCulture), DateTimeOffset.Parse("2026-04-10T23:59:59Z", CultureInfo.InvariantCulture),
            RequestStatus.InProgress, new DataSubject("ana@example.es", "Ana", null), null, new Dictionary<string, string>());
        var outcome = new ConnectorOutcome("client-hosted", ConnectorAction.Erase, OutcomeKind.Done, 1, 1, "Forwarded", null, DateTimeOffset.UtcNow);
        var paragraph = new ProcessorRoutingOptions().NoticeFor("es").Replace("{clients}", "- Panadería Norte: privacidad@norte.example", StringComparison.Ordinal);

        var facts = new FinalNoticeFacts([outcome], new Dictionary<string, string> { ["client-hosted"] = "Alojado" }) { Controllers = paragraph };
        var message = MessageTemplates.Final(request, RequestStatus.Completed, facts);

        var body = message.TextBody;
        Assert.True(body.IndexOf("- Alojado", StringComparison.Ordinal) < body.IndexOf("- Panadería Norte: privacidad@norte.example", StringComparison.Ordinal));
        Assert.DoesNotContain("{clients}", body, StringComparison.Ordinal);
    }
}

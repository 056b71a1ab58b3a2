using System.Globalization;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Fulfilment.Deletion;
using Comintech.Dsr.Notifications;

namespace Comintech.Dsr.Core.Tests.Notifications;

/// <summary>What each law requires a notice to say: authority and remedies, the CCPA record statement, law-appropriate reasons, correction detail.</summary>
public class LawNoticeTests
{
    private static readonly DateTimeOffset Received = DateTimeOffset.Parse("2026-03-10T09:00:00Z", CultureInfo.InvariantCulture);

    private static DsrRequest Request(Jurisdiction law, RequestType type = RequestType.Deletion, string language = "en", Dictionary<string, string>? corrections = null) => new(
        RequestId.New(), type, IntakeChannel.Web, law, language, Received, Received.AddDays(30),
        RequestStatus.InProgress, new DataSubject("ana@example.com", "Ana", null), null, corrections ?? []);

    private static ConnectorOutcome Outcome(string store, OutcomeKind kind, ConnectorAction action = ConnectorAction.Erase) =>
        new(store, action, kind, 1, 1, null, null, Received);

    private static readonly NoticeOptions Configured = new() { Gdpr = new AuthorityContact { Name = "Agencia Española de Protección de Datos", Url = "https://www.aepd.es" } };

    [Fact]
    public void A_partial_refusal_s_final_notice_names_the_reason_and_the_configured_authority()
    {
        var facts = new FinalNoticeFacts([Outcome("accounts", OutcomeKind.Done)], new Dictionary<string, string> { ["accounts"] = "Accounts" })
        {
            Refused = [new StoreRefusalLine("Support tickets", "Open fraud investigation")],
        };

        var body = MessageTemplates.Final(Request(Jurisdiction.GDPR), RequestStatus.Completed, facts, Configured).TextBody;

        Assert.Contains("What we did not do and why:\n- Support tickets: Open fraud investigation", body, StringComparison.Ordinal);
        Assert.Contains("Agencia Española de Protección de Datos, https://www.aepd.es", body, StringComparison.Ordinal);
        Assert.Contains("right to go to court (GDPR Art. 77 and 79)", body, StringComparison.Ordinal);
        Assert.DoesNotContain("24 months", body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Californian_is_given_the_CPPA_the_record_statement_and_no_GDPR_citation()
    {
        var request = Request(Jurisdiction.CCPA);
        var kept = new[] { new RetainedItem("billing", "Billing", [], "Invoices are kept 10 years under tax law (GDPR Art. 17(3)(b))") };
        var facts = new FinalNoticeFacts([Outcome("billing", OutcomeKind.Retained)], new Dictionary<string, string> { ["billing"] = "Billing" }) { Kept = kept };

        var final = MessageTemplates.Final(request, RequestStatus.Completed, facts).TextBody;
        var denial = MessageTemplates.Denial(request, "Manifestly unfounded (GDPR Art. 12(5)(b))").TextBody;

        foreach (var body in new[] { final, denial })
        {
            Assert.Contains("the California Privacy Protection Agency (CPPA), https://cppa.ca.gov", body, StringComparison.Ordinal);
            Assert.Contains("We keep a record of this request and our response for 24 months", body, StringComparison.Ordinal);
            Assert.DoesNotContain("GDPR", body, StringComparison.Ordinal);
        }

        Assert.Contains("- Billing: Invoices are kept 10 years under tax law\n", final, StringComparison.Ordinal);
        Assert.Contains("Reason: Manifestly unfounded\n", denial, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Kept under tax law (GDPR Art. 17(3)(b)).", "Kept under tax law.")]
    [InlineData("Legal obligation under GDPR Art. 6(1)(c) to keep records", "Legal obligation to keep records")]
    [InlineData("No citation here (Civil Code §1798.105(d)(8))", "No citation here (Civil Code §1798.105(d)(8))")]
    public void GDPR_citations_are_taken_out_for_Californians_and_nothing_else(string text, string expected) =>
        Assert.Equal(expected, LawCitations.WithoutGdpr(text));

    [Fact]
    public void A_correction_notice_says_which_fields_changed_and_where_a_store_holds_no_such_field()
    {
        var request = Request(Jurisdiction.GDPR, RequestType.Correction, corrections: new() { ["fullName"] = "Ana Silva", ["phone"] = "+351 1" });
        var facts = new FinalNoticeFacts(
            [Outcome("accounts", OutcomeKind.Done, ConnectorAction.Rectify), Outcome("tickets", OutcomeKind.Done, ConnectorAction.Rectify), Outcome("crm", OutcomeKind.NothingFound, ConnectorAction.Rectify)],
            new Dictionary<string, string> { ["accounts"] = "Accounts", ["tickets"] = "Tickets", ["crm"] = "CRM" })
        {
            StoreFields = new Dictionary<string, IReadOnlyCollection<string>>
            {
                ["accounts"] = new HashSet<string>(["fullName", "phone"], StringComparer.OrdinalIgnoreCase),
                ["tickets"] = new HashSet<string>(["fullName"], StringComparer.OrdinalIgnoreCase),
                ["crm"] = new HashSet<string>(["fullName", "phone"], StringComparer.OrdinalIgnoreCase),
            },
        };

        var body = MessageTemplates.Final(request, RequestStatus.Completed, facts).TextBody;

        Assert.Contains("- Accounts: corrected fullName, phone\n", body, StringComparison.Ordinal);
        Assert.Contains("- Tickets: corrected fullName; holds no phone field, so there was nothing to correct there\n", body, StringComparison.Ordinal);
        Assert.Contains("- CRM: no data about you\n", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "\"do not sell or share my personal information\"", "We do not sell or share your personal information")]
    [InlineData("es", "«no vender ni compartir mi información personal»", "No vendemos ni compartimos su información personal")]
    [InlineData("pt", "«não vender nem partilhar as minhas informações pessoais»", "Não vendemos nem partilhamos as suas informações pessoais")]
    public void A_sale_or_sharing_opt_out_has_its_own_wording_and_needs_no_code(string language, string typeName, string noSale)
    {
        var request = Request(Jurisdiction.CCPA, RequestType.SaleSharingOptOut, language);
        var marketing = Request(Jurisdiction.CCPA, RequestType.OptOut, language);
        var facts = new FinalNoticeFacts([], new Dictionary<string, string>()) { NoStoreSellsOrShares = true };

        var ack = MessageTemplates.Acknowledgement(request, "http://x").TextBody;
        var final = MessageTemplates.Final(request, RequestStatus.Completed, facts).TextBody;

        Assert.Contains(typeName, ack, StringComparison.Ordinal);
        Assert.DoesNotContain(typeName, MessageTemplates.Acknowledgement(marketing, "http://x").TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(MessageTemplates.Acknowledgement(marketing, "http://x").TextBody.Split('\n')[2], ack, StringComparison.Ordinal);
        Assert.Contains(noSale, final, StringComparison.Ordinal);
        Assert.DoesNotContain(noSale, MessageTemplates.Final(marketing, RequestStatus.Completed, facts).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void The_final_notice_offers_the_list_of_recipients_when_any_were_told()
    {
        var facts = new FinalNoticeFacts([], new Dictionary<string, string>()) { RecipientsTold = 2, RecipientsLink = "http://x/api/requests/r/recipients" };

        Assert.Contains("We told 2 recipient(s)", MessageTemplates.Final(Request(Jurisdiction.GDPR), RequestStatus.Completed, facts).TextBody, StringComparison.Ordinal);
        Assert.Contains("http://x/api/requests/r/recipients", MessageTemplates.Final(Request(Jurisdiction.GDPR), RequestStatus.Completed, facts).TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("recipient", MessageTemplates.Final(Request(Jurisdiction.GDPR), RequestStatus.Completed, facts with { RecipientsTold = 0 }).TextBody, StringComparison.Ordinal);
    }
}

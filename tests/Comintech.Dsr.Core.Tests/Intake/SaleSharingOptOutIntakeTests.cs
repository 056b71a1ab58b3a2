using System.Globalization;
using Comintech.Dsr.Deadlines;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Http;
using Comintech.Dsr.Intake;
using Comintech.Dsr.Staff;
using Microsoft.AspNetCore.Http;

namespace Comintech.Dsr.Core.Tests.Intake;

/// <summary>The opt-out of sale/sharing at intake: a GPC signal makes it, no name is needed, 15 business days, never extended.</summary>
public class SaleSharingOptOutIntakeTests
{
    private static HttpRequest Http(string? gpc = null, string? acceptLanguage = null)
    {
        var context = new DefaultHttpContext();
        if (gpc is not null)
        {
            context.Request.Headers[GlobalPrivacyControl.Header] = gpc;
        }

        if (acceptLanguage is not null)
        {
            context.Request.Headers.AcceptLanguage = acceptLanguage;
        }

        return context.Request;
    }

    private static RequestSubmission? Validate(Dictionary<string, string?> fields, Dictionary<string, List<string>> errors) =>
        RequestSubmissionValidator.Validate(fields, new Dictionary<string, string>(), errors);

    [Fact]
    public void A_GPC_signal_with_only_an_e_mail_makes_a_CCPA_opt_out_of_sale_and_sharing()
    {
        var fields = new Dictionary<string, string?> { ["email"] = "ana@example.com" };
        var errors = new Dictionary<string, List<string>>();

        Assert.True(GlobalPrivacyControl.Apply(Http(gpc: "1", acceptLanguage: "pt-PT,pt;q=0.9"), fields));
        var submission = Validate(fields, errors);

        Assert.Empty(errors);
        Assert.Equal((RequestType.SaleSharingOptOut, Jurisdiction.CCPA, "pt"), (submission!.Type, submission.Jurisdiction, submission.Language));
        Assert.Equal("ana@example.com", submission.Subject.FullName);
    }

    [Theory]
    [InlineData("0")]
    [InlineData(null)]
    public void Without_the_signal_a_submission_without_a_type_is_refused(string? gpc)
    {
        var fields = new Dictionary<string, string?> { ["email"] = "ana@example.com" };
        var errors = new Dictionary<string, List<string>>();

        Assert.False(GlobalPrivacyControl.Apply(Http(gpc), fields));
        Assert.Null(Validate(fields, errors));
        Assert.Contains("type", errors.Keys);
        Assert.Contains("fullName", errors.Keys);
    }

    [Fact]
    public void The_signal_leaves_a_type_the_person_chose_as_it_is()
    {
        var fields = new Dictionary<string, string?> { ["type"] = "access", ["email"] = "ana@example.com", ["fullName"] = "Ana" };

        Assert.True(GlobalPrivacyControl.Apply(Http(gpc: "1"), fields));
        Assert.Equal("access", fields["type"]);
        Assert.False(fields.ContainsKey("jurisdiction"));
    }

    [Fact]
    public void It_is_due_in_15_business_days_and_cannot_be_extended()
    {
        var received = DateTimeOffset.Parse("2026-11-30T10:00:00Z", CultureInfo.InvariantCulture);
        var due = LegalCalendar.DueAt(RequestType.SaleSharingOptOut, Jurisdiction.CCPA, received, HolidayCalendar.None);
        var request = new DsrRequest(
            RequestId.New(), RequestType.SaleSharingOptOut, IntakeChannel.Web, Jurisdiction.CCPA, "en", received, due, RequestStatus.InProgress,
            new DataSubject("ana@example.com", "ana@example.com", null), null, new Dictionary<string, string>());

        Assert.Equal(LegalCalendar.DueAt(RequestType.OptOut, Jurisdiction.CCPA, received, HolidayCalendar.None), due);
        Assert.False(Comintech.Dsr.Staff.Extension.ExtendDeadline.CanExtend(request, HolidayCalendar.None, received.AddDays(1)));
        Assert.False(request.Type.NeedsVerification());
        Assert.True(RequestType.OptOut.NeedsVerification());
        Assert.Equal(RequestType.SaleSharingOptOut, WireNames.TryParseRequestType("do-not-sell", out var parsed) ? parsed : default);
    }
}

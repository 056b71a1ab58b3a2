using Comintech.Dsr.Domain;
using Comintech.Dsr.Intake;

namespace Comintech.Dsr.Core.Tests.Intake;

public class RequestSubmissionValidatorTests
{
    private static (RequestSubmission? Result, Dictionary<string, List<string>> Errors) Validate(
        Dictionary<string, string?> fields, Dictionary<string, string>? corrections = null)
    {
        var errors = new Dictionary<string, List<string>>();
        var result = RequestSubmissionValidator.Validate(fields, corrections ?? [], errors);
        return (result, errors);
    }

    private static Dictionary<string, string?> Valid(string type = "deletion") => new()
    {
        ["type"] = type,
        ["email"] = "ada.lovelace@example.com",
        ["fullName"] = "Ada Lovelace",
    };

    [Fact]
    public void A_complete_deletion_request_is_accepted_with_defaults()
    {
        var (result, errors) = Validate(Valid());

        Assert.Empty(errors);
        Assert.NotNull(result);
        Assert.Equal(RequestType.Deletion, result.Type);
        Assert.Equal(Jurisdiction.GDPR, result.Jurisdiction);
        Assert.Equal("en", result.Language);
        Assert.Equal("ada.lovelace@example.com", result.Subject.Email);
    }

    [Theory]
    [InlineData("type", "erase", "type")]
    [InlineData("type", null, "type")]
    [InlineData("email", "not-an-address", "email")]
    [InlineData("email", "Ada <ada@example.com>", "email")]
    [InlineData("email", "ada@localhost", "email")]
    [InlineData("email", null, "email")]
    [InlineData("fullName", null, "fullName")]
    [InlineData("jurisdiction", "LGPD", "jurisdiction")]
    [InlineData("language", "fr", "language")]
    [InlineData("accountId", "ACC 1001; drop", "accountId")]
    public void Each_bad_field_is_named(string field, string? value, string expectedError)
    {
        var fields = Valid();
        fields[field] = value;

        var (result, errors) = Validate(fields);

        Assert.Null(result);
        Assert.Equal([expectedError], errors.Keys);
    }

    [Fact]
    public void Several_bad_fields_are_all_reported()
    {
        var (_, errors) = Validate(new Dictionary<string, string?> { ["type"] = "x", ["email"] = "y" });

        Assert.Equal(["email", "fullName", "type"], errors.Keys.Order());
    }

    [Fact]
    public void A_correction_needs_at_least_one_field()
    {
        var (result, errors) = Validate(Valid("correction"));

        Assert.Null(result);
        Assert.Contains("corrections", errors.Keys);
    }

    [Fact]
    public void A_correction_keeps_its_fields_and_rejects_bad_names()
    {
        var (ok, _) = Validate(Valid("correction"), new Dictionary<string, string> { ["phone"] = " +44 20 7946 0999 " });
        var (bad, errors) = Validate(Valid("correction"), new Dictionary<string, string> { ["phone number!"] = "1" });

        Assert.Equal("+44 20 7946 0999", ok!.Corrections["phone"]);
        Assert.Null(bad);
        Assert.Contains("corrections", errors.Keys);
    }

    [Fact]
    public void Overlong_details_are_refused()
    {
        var fields = Valid();
        fields["details"] = new string('x', RequestSubmissionValidator.MaxDetailsLength + 1);

        Assert.Contains("details", Validate(fields).Errors.Keys);
    }
}

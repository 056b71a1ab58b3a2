using Comintech.Dsr.Http;

namespace Comintech.Dsr.Core.Tests.Intake;

public class SubmissionReaderTests
{
    [Theory]
    [InlineData("{\"type\": \"access\",")]
    [InlineData("[1, 2]")]
    [InlineData("not json")]
    public void Malformed_or_non_object_json_is_a_body_error(string body)
    {
        var errors = new Dictionary<string, List<string>>();

        SubmissionReader.FromJson(body, errors);

        Assert.Contains("body", errors.Keys);
    }

    [Fact]
    public void Non_string_fields_are_named()
    {
        var errors = new Dictionary<string, List<string>>();

        SubmissionReader.FromJson("{\"type\": 3, \"email\": \"a@example.com\", \"corrections\": {\"phone\": 5}}", errors);

        Assert.Equal(["corrections.phone", "type"], errors.Keys.Order());
    }

    [Fact]
    public void Json_and_form_give_the_same_fields()
    {
        var errors = new Dictionary<string, List<string>>();
        var (jsonFields, jsonCorrections) = SubmissionReader.FromJson(
            "{\"type\":\"correction\",\"email\":\"a@example.com\",\"fullName\":\"A B\",\"corrections\":{\"phone\":\"123\"}}", errors);
        var (formFields, formCorrections) = SubmissionReader.FromForm("type=correction&email=a%40example.com&fullName=A+B&corrections%5Bphone%5D=123", errors);

        Assert.Empty(errors);
        foreach (var key in new[] { "type", "email", "fullName" })
        {
            Assert.Equal(jsonFields[key], formFields[key]);
        }

        Assert.Equal(jsonCorrections, formCorrections);
    }

    [Theory]
    [InlineData(3000, 1)]
    [InlineData(10, 1500)]
    public void A_form_over_the_readers_limits_is_a_body_error_not_an_exception(int keyLength, int fields)
    {
        var errors = new Dictionary<string, List<string>>();
        var body = string.Join('&', Enumerable.Range(0, fields).Select(i => new string('k', keyLength) + i + "=v"));

        SubmissionReader.FromForm(body, errors);

        Assert.Contains("body", errors.Keys);
    }
}

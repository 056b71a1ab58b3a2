using Comintech.Dsr.Http;
using Comintech.Dsr.Intake;

namespace Comintech.Dsr.Core.Tests.Intake;

public class SubmissionBodyTests
{
    private static SubmissionBody? Read(BodyKind kind, string body, Dictionary<string, List<string>> errors) =>
        SubmissionBody.Read(BodyFields.Parse(kind, body, errors), errors);

    [Theory]
    [InlineData("{\"type\": \"access\",")]
    [InlineData("[1, 2]")]
    [InlineData("not json")]
    public void Malformed_or_non_object_json_is_a_body_error(string body)
    {
        var errors = new Dictionary<string, List<string>>();

        Assert.Null(Read(BodyKind.Json, body, errors));

        Assert.Contains("body", errors.Keys);
    }

    [Fact]
    public void Non_string_fields_are_named()
    {
        var errors = new Dictionary<string, List<string>>();

        Read(BodyKind.Json, "{\"type\": 3, \"email\": \"a@example.com\", \"corrections\": {\"phone\": 5}}", errors);

        Assert.Equal(["corrections.phone", "type"], errors.Keys.Order());
    }

    [Fact]
    public void Unknown_fields_of_any_shape_are_ignored()
    {
        var errors = new Dictionary<string, List<string>>();

        var body = Read(BodyKind.Json, "{\"type\":\"access\",\"meta\":{\"source\":[1,{\"a\":2}]},\"tags\":[\"x\"]}", errors);

        Assert.Empty(errors);
        Assert.Equal("access", body!.Fields["type"]);
    }

    [Fact]
    public void Json_and_form_give_the_same_fields()
    {
        var errors = new Dictionary<string, List<string>>();
        var json = Read(BodyKind.Json, "{\"type\":\"correction\",\"email\":\"a@example.com\",\"fullName\":\"A B\",\"corrections\":{\"phone\":\"123\"}}", errors);
        var form = Read(BodyKind.Form, "type=correction&email=a%40example.com&fullName=A+B&corrections%5Bphone%5D=123&corrections.city=X", errors);

        Assert.Empty(errors);
        foreach (var key in new[] { "type", "email", "fullName" })
        {
            Assert.Equal(json!.Fields[key], form!.Fields[key]);
        }

        Assert.Equal(new Dictionary<string, string> { ["phone"] = "123" }, json!.Corrections);
        Assert.Equal(new Dictionary<string, string> { ["phone"] = "123", ["city"] = "X" }, form!.Corrections);
    }

    [Theory]
    [InlineData(3000, 1)]
    [InlineData(10, 1500)]
    public void A_form_over_the_readers_limits_is_a_body_error_not_an_exception(int keyLength, int fields)
    {
        var errors = new Dictionary<string, List<string>>();
        var body = string.Join('&', Enumerable.Range(0, fields).Select(i => new string('k', keyLength) + i + "=v"));

        Read(BodyKind.Form, body, errors);

        Assert.Contains("body", errors.Keys);
    }
}

using System.Net;
using Comintech.Dsr.Connectors.Backups;
using Comintech.Dsr.Connectors.Waiting;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Fulfilment.Restore;
using Comintech.Dsr.Http;
using Comintech.Dsr.Partners;
using Comintech.Dsr.Staff.Triage;
using Comintech.Dsr.Staff;
using Comintech.Dsr.Verification;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Comintech.Dsr.Core.Tests.Http;

/// <summary>Typed request bodies declare their fields and validation; every bad input is a named field error, never an exception.</summary>
public class RequestBodiesTests
{
    private static (T? Body, Dictionary<string, List<string>> Errors) Read<T>(string json)
        where T : class, IRequestBody<T>
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var fields = BodyFields.Parse(BodyKind.Json, json, errors);
        return (errors.Count == 0 ? T.Read(fields, errors) : null, errors);
    }

    [Theory]
    [InlineData("""{"reason":"Records in three archives"}""", null)]
    [InlineData("""{}""", null)]
    [InlineData("""{"reason":5}""", "reason")]
    [InlineData("""{"reason":["a"]}""", "reason")]
    [InlineData("""{"stores":"billing"}""", "stores")]
    [InlineData("""{"stores":[1]}""", "stores")]
    [InlineData("""{"reason":{"a":"b"}}""", "reason")]
    [InlineData("""{"reason":"x",""", "body")]
    public void The_staff_reason_body_names_a_bad_field(string json, string? field)
    {
        AssertNamesOnly<StaffReasonBody>(json, field);
    }

    /// <summary>The body is read when <paramref name="field"/> is null; otherwise that field, and only it, is named.</summary>
    private static T? AssertNamesOnly<T>(string json, string? field)
        where T : class, IRequestBody<T>
    {
        var (body, errors) = Read<T>(json);

        Assert.Equal(field is null, body is not null);
        Assert.Equal(field is null ? [] : [field], errors.Keys);
        return body;
    }

    [Fact]
    public void A_reason_over_the_limit_and_too_many_stores_are_refused()
    {
        var stores = string.Join(',', Enumerable.Range(0, StaffReasonBody.MaxStores + 1).Select(i => $"\"s{i}\""));

        var (_, errors) = Read<StaffReasonBody>($$"""{"reason":"{{new string('x', StaffReasonBody.MaxReasonLength + 1)}}","stores":[{{stores}}]}""");

        Assert.Equal(["reason", "stores"], errors.Keys.Order());
    }

    [Fact]
    public void Stores_come_from_a_json_array_or_a_comma_separated_form_field()
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var json = StaffReasonBody.Read(BodyFields.Parse(BodyKind.Json, """{"reason":"r","stores":[" billing ","crm"]}""", errors), errors);
        var form = StaffReasonBody.Read(BodyFields.Parse(BodyKind.Form, "reason=r&stores=billing%2C+crm", errors), errors);

        Assert.Empty(errors);
        Assert.Equal(["billing", "crm"], json!.Stores);
        Assert.Equal(["billing", "crm"], form!.Stores);
    }

    [Theory]
    [InlineData("""{"reason":"  "}""")]
    [InlineData("""{}""")]
    public void A_denial_extension_or_refusal_needs_a_reason(string json)
    {
        var (body, errors) = Read<ReasonedStaffBody>(json);

        Assert.Null(body);
        Assert.Equal(["reason"], errors.Keys);
    }

    [Theory]
    [InlineData("""{"note":"Deleted by hand","outcome":"nothing-found","recordsAffected":"3"}""", null)]
    [InlineData("""{"note":"Done","recordsAffected":7}""", null)]
    [InlineData("""{"outcome":"done"}""", "note")]
    [InlineData("""{"note":"n","outcome":"maybe"}""", "outcome")]
    [InlineData("""{"note":"n","recordsAffected":"-1"}""", "recordsAffected")]
    [InlineData("""{"note":"n","recordsAffected":"1000001"}""", "recordsAffected")]
    [InlineData("""{"note":"n","attachmentName":".hidden","attachmentBase64":"aGk="}""", "attachmentName")]
    [InlineData("""{"note":"n","attachmentName":"proof.txt","attachmentBase64":"not base64!"}""", "attachmentBase64")]
    [InlineData("""{"note":"n","attachmentBase64":"aGk="}""", "attachmentName")]
    [InlineData("""{"note":"n","records":[{"a":{"b":1}}]}""", "records")]
    public void A_manual_step_body_names_a_bad_field(string json, string? field)
    {
        AssertNamesOnly<ManualStepBody>(json, field);
    }

    [Fact]
    public void A_manual_step_attachment_is_decoded_and_held_to_its_size()
    {
        var (small, _) = Read<ManualStepBody>("""{"note":"n","attachmentName":"proof.txt","attachmentBase64":"aGk="}""");
        var big = Convert.ToBase64String(new byte[ManualStepBody.MaxAttachmentBytes + 1]);
        var (tooBig, errors) = Read<ManualStepBody>($$"""{"note":"n","attachmentName":"proof.txt","attachmentBase64":"{{big}}"}""");

        Assert.Equal("hi"u8.ToArray(), small!.Attachment!.Content);
        Assert.Null(tooBig);
        Assert.Equal(["attachmentBase64"], errors.Keys);
    }

    [Theory]
    [InlineData("""{"requestId":"not an id","action":"erase"}""", "requestId")]
    [InlineData("""{"action":"erase"}""", "requestId")]
    [InlineData("""{"requestId":"REQ","action":"shred"}""", "action")]
    [InlineData("""{"requestId":"REQ","action":"erase","records":[{"a":1}]}""", "records")]
    [InlineData("""{"requestId":"REQ","action":"access","records":[{"a":1}]}""", null)]
    public void A_partner_confirmation_names_a_bad_field(string json, string? field)
    {
        var body = AssertNamesOnly<PartnerConfirmationBody>(json.Replace("REQ", RequestId.New(), StringComparison.Ordinal), field);

        Assert.Equal(field is null ? ConnectorAction.Export : null, body?.Action);
    }

    [Theory]
    [InlineData("""{"storeId":"backups","backupId":"2026-11-30"}""", null)]
    [InlineData("""{"storeId":"back ups","backupId":"b1"}""", "storeId")]
    [InlineData("""{"storeId":"backups","backupId":["b1"]}""", "backupId")]
    public void A_backup_restored_body_takes_two_ids(string json, string? field)
    {
        AssertNamesOnly<BackupRestoredBody>(json, field);
    }

    [Theory]
    [InlineData("""{"type":"deletion"}""", null)]
    [InlineData("""{"type":"correction","corrections":{"phone":"+34 600 000 000"}}""", null)]
    [InlineData("""{"type":"erase"}""", "type")]
    [InlineData("""{"type":"correction","corrections":"phone"}""", "corrections")]
    [InlineData("""{"type":"correction","corrections":{"phone":1}}""", "corrections.phone")]
    public void A_classification_names_a_bad_field(string json, string? field)
    {
        AssertNamesOnly<ClassifyBody>(json, field);
    }

    [Theory]
    [InlineData("""{"code":"123456"}""", true)]
    [InlineData("""{"code":" 123456 "}""", true)]
    [InlineData("""{"code":123456}""", false)]
    [InlineData("""{"code":"12ab"}""", false)]
    [InlineData("""{}""", false)]
    public void A_code_is_six_digits_given_as_a_string(string json, bool valid)
    {
        var (body, errors) = Read<CodeBody>(json);

        Assert.Equal(valid, body is not null);
        Assert.Equal(valid ? [] : ["code"], errors.Keys);
    }

    [Theory]
    [InlineData(FailureKind.Invalid, HttpStatusCode.BadRequest)]
    [InlineData(FailureKind.Rejected, HttpStatusCode.BadRequest)]
    [InlineData(FailureKind.NotFound, HttpStatusCode.NotFound)]
    [InlineData(FailureKind.Conflict, HttpStatusCode.Conflict)]
    [InlineData(FailureKind.Gone, HttpStatusCode.Gone)]
    [InlineData(FailureKind.Locked, (HttpStatusCode)423)]
    [InlineData(FailureKind.TooMany, HttpStatusCode.TooManyRequests)]
    public async Task Each_failure_kind_is_one_problem_status(FailureKind kind, HttpStatusCode expected)
    {
        var context = await ExecuteAsync(Problems.For(new UseCaseFailure(kind, "Title", "Detail")));

        Assert.Equal((int)expected, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
    }

    [Fact]
    public async Task Too_many_with_a_wait_gives_retry_after_and_invalid_gives_the_fields()
    {
        var tooMany = await ExecuteAsync(Problems.For(UseCaseFailure.TooMany(TimeSpan.FromSeconds(2.5), "Too soon", "Wait {seconds} seconds.")));
        var invalid = await ExecuteAsync(Problems.For(UseCaseFailure.Invalid("stores", "Every store must be an id of the data map.")));

        Assert.Equal("3", tooMany.Response.Headers.RetryAfter.ToString());
        Assert.Contains("Wait 3 seconds.", Body(tooMany), StringComparison.Ordinal);
        Assert.Contains("\"stores\":[\"Every store must be an id of the data map.\"]", Body(invalid), StringComparison.Ordinal);
    }

    private static async Task<DefaultHttpContext> ExecuteAsync(IResult result)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        context.Response.Body = new MemoryStream();
        await result.ExecuteAsync(context);
        return context;
    }

    private static string Body(DefaultHttpContext context) => System.Text.Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
}

using System.Text.Json.Nodes;
using Comintech.Dsr.Fulfilment.Access;
using Comintech.Dsr.Hosting;
using Comintech.Dsr.Http;
using Comintech.Dsr.Intake;
using Comintech.Dsr.Staff;
using Comintech.Dsr.Staff.Triage;

namespace Comintech.Dsr.Core.Tests.Http;

/// <summary>Each route that reads a body describes it in the OpenAPI description, with the schema its typed body's validation implies.</summary>
public sealed class OpenApiRequestBodyTests
{
    private static readonly JsonObject Document = OpenApiDescription.Build(DsrRoutes.All, DsrRouteBodies.For);

    private static JsonObject Operation(DsrRoute route) => Document["paths"]![route.Pattern]![route.Method.ToLowerInvariant()]!.AsObject();

    [Fact]
    public void Every_route_but_a_GET_has_a_request_body_unless_it_is_declared_to_read_none()
    {
        foreach (var route in DsrRoutes.All)
        {
            var key = DsrRouteBodies.KeyOf(route);
            var described = DsrRouteBodies.ByRoute.ContainsKey(key);
            Assert.True(route.Method == "GET" ? !described : described ^ DsrRouteBodies.None.Contains(key), key);
            Assert.Equal(described, Operation(route).ContainsKey("requestBody"));
        }

        var table = DsrRoutes.All.Select(DsrRouteBodies.KeyOf).ToHashSet(StringComparer.Ordinal);
        Assert.All(DsrRouteBodies.ByRoute.Keys.Concat(DsrRouteBodies.None), key => Assert.Contains(key, table));
    }

    [Fact]
    public void Every_typed_body_is_described_by_a_route()
    {
        var typed = typeof(IRequestBody<>).Assembly.GetTypes()
            .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestBody<>)))
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        var route = DsrRoutes.All.Where(r => DsrRouteBodies.For(r) is not null).ToList();

        Assert.NotEmpty(typed);
        Assert.All(typed, name => Assert.Contains(DsrRouteBodies.ByRoute.Values, body => body.Schema.ToJsonString() == Schema(name).ToJsonString()));
        Assert.All(route, r => Assert.NotEmpty(Operation(r)["requestBody"]!["content"]!.AsObject()));
    }

    [Fact]
    public void A_body_lists_its_fields_types_and_required_ones_as_its_validation_reads_them()
    {
        var withhold = BodySchema.Of<WithholdItemBody>();
        Assert.Equal(["item", "reason", "storeId"], withhold["required"]!.AsArray().Select(n => (string)n!));
        Assert.Equal("string", (string?)withhold["properties"]!["storeId"]!["type"]);
        Assert.NotNull(withhold["properties"]!["storeId"]!["pattern"]);
        Assert.Contains("at most 2000 characters", (string?)withhold["properties"]!["reason"]!["description"], StringComparison.Ordinal);

        var classify = BodySchema.Of<ClassifyBody>();
        Assert.Equal(["type"], classify["required"]!.AsArray().Select(n => (string)n!));
        Assert.Contains("access, correction, deletion or optout", (string?)classify["properties"]!["type"]!["description"], StringComparison.Ordinal);
        Assert.Equal("object", (string?)classify["properties"]!["corrections"]!["type"]);

        var reason = BodySchema.Of<StaffReasonBody>();
        Assert.Null(reason["required"]);
        Assert.Equal("array", (string?)reason["properties"]!["stores"]!["type"]);
        Assert.Equal($"At most {StaffReasonBody.MaxReasonLength} characters.", (string?)reason["properties"]!["reason"]!["description"]);

        // The submission's own checks (RequestSubmissionValidator) run after it is read: they make type and email required.
        var submission = BodySchema.Of<SubmissionBody>();
        Assert.Equal(
            SubmissionBody.FieldNames.Append(SubmissionBody.CorrectionsField).Order(StringComparer.Ordinal),
            submission["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Contains("email", submission["required"]!.AsArray().Select(n => (string)n!));
        Assert.Contains("type", submission["required"]!.AsArray().Select(n => (string)n!));
    }

    [Fact]
    public void A_typed_body_is_offered_as_json_and_as_a_form_and_an_optional_one_says_so()
    {
        var approve = Operation(DsrRoutes.All.Single(r => r.Pattern == "/api/staff/requests/{id}/approve"))["requestBody"]!;
        var verify = Operation(DsrRoutes.All.Single(r => r.Pattern == "/api/requests/{id}/verify"))["requestBody"]!;

        Assert.False((bool)approve["required"]!);
        Assert.True((bool)verify["required"]!);
        Assert.Equal([RouteBody.Json, RouteBody.Form], verify["content"]!.AsObject().Select(c => c.Key));
        Assert.Equal(["code"], verify["content"]![RouteBody.Json]!["schema"]!["required"]!.AsArray().Select(n => (string)n!));
    }

    private static JsonObject Schema(string bodyType)
    {
        var type = typeof(IRequestBody<>).Assembly.GetTypes().Single(t => t.Name == bodyType);
        var of = typeof(BodySchema).GetMethod(nameof(BodySchema.Of))!.MakeGenericMethod(type);
        return (JsonObject)of.Invoke(null, null)!;
    }
}

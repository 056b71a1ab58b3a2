using System.Reflection;
using System.Text.Json;
using Comintech.Dsr.Fulfilment;

namespace Comintech.Dsr.Functions.Tests;

/// <summary>The Functions app's build output: what the Functions host will find when it loads the app.</summary>
public class FunctionsOutputTests
{
    private static readonly string Output = typeof(FunctionsOutputTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "FunctionsOutput").Value!;

    private static JsonElement Read(string file)
    {
        var path = Path.Combine(Output, file);
        Assert.True(File.Exists(path), $"{path} is missing: build src/Comintech.Dsr.Functions first.");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();
    }

    private static Dictionary<string, JsonElement> Functions() =>
        Read("functions.metadata").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f);

    private static IEnumerable<(string Type, string? Route, string[] Methods)> Bindings(JsonElement function) =>
        function.GetProperty("bindings").EnumerateArray().Select(b => (
            b.GetProperty("type").GetString()!,
            b.TryGetProperty("route", out var route) ? route.GetString() : null,
            b.TryGetProperty("methods", out var methods) ? methods.EnumerateArray().Select(m => m.GetString()!).ToArray() : []));

    [Theory]
    [InlineData("RequestFormFunction", "get", "")]
    [InlineData("SubmitRequestFunction", "post", "api/requests")]
    [InlineData("GetRequestStatusFunction", "get", "api/requests/{id}")]
    [InlineData("VerifyIdentityFunction", "post", "api/requests/{id}/verify")]
    [InlineData("ResendCodeFunction", "post", "api/requests/{id}/resend")]
    [InlineData("StaffConsoleFunction", "get", "staff")]
    [InlineData("ListStaffRequestsFunction", "get", "api/staff/requests")]
    [InlineData("GetStaffRequestFunction", "get", "api/staff/requests/{id}")]
    [InlineData("ExportRequestLogFunction", "get", "api/staff/export")]
    [InlineData("StaffMetricsFunction", "get", "api/staff/metrics")]
    [InlineData("ApproveRequestFunction", "post", "api/staff/requests/{id}/approve")]
    [InlineData("DenyRequestFunction", "post", "api/staff/requests/{id}/deny")]
    [InlineData("ExtendDeadlineFunction", "post", "api/staff/requests/{id}/extend")]
    [InlineData("RerunStoreFunction", "post", "api/staff/requests/{id}/stores/{storeId}/rerun")]
    public void Http_functions_serve_the_same_routes_as_the_local_engine(string name, string method, string route)
    {
        var trigger = Bindings(Functions()[name]).Single(b => b.Type == "httpTrigger");

        Assert.Equal(route, trigger.Route);
        Assert.Equal([method], trigger.Methods);
    }

    [Fact]
    public void The_orchestrator_and_every_activity_are_bound()
    {
        var functions = Functions();

        foreach (var orchestrator in new[] { DsrRequestOrchestrator.Name, Deadlines.DeadlineWatchOrchestrator.Name, Fulfilment.Rerun.StoreRerunOrchestrator.Name })
        {
            Assert.Contains(Bindings(functions[orchestrator]), b => b.Type == "orchestrationTrigger");
        }

        foreach (var activity in typeof(DsrActivityNames).GetFields().Select(f => (string)f.GetValue(null)!))
        {
            Assert.True(functions.ContainsKey(activity), $"No function for activity {activity}.");
            Assert.Contains(Bindings(functions[activity]), b => b.Type == "activityTrigger");
        }
    }

    [Fact]
    public void Host_json_serves_routes_from_the_root_and_extensions_include_durable_task()
    {
        var host = Read("host.json");
        Assert.Equal("2.0", host.GetProperty("version").GetString());
        Assert.Equal("", host.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.Equal("AzureStorage", host.GetProperty("extensions").GetProperty("durableTask").GetProperty("storageProvider").GetProperty("type").GetString());

        var extensions = Read("extensions.json").GetProperty("extensions").EnumerateArray().Select(e => e.GetProperty("name").GetString());
        Assert.Contains("DurableTask", extensions);
        Assert.True(File.Exists(Path.Combine(Output, "datamap.json")));
    }
}

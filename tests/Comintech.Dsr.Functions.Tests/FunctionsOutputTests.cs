using System.Reflection;
using System.Text.Json;
using Comintech.Dsr.Fulfilment;
using Comintech.Dsr.Hosting;

namespace Comintech.Dsr.Functions.Tests;

/// <summary>
/// What the Functions host will find when it loads the app, checked on the build output
/// (<see cref="BuildOutputTests"/>) and on the published output deployed to Azure (<see cref="PublishedOutputTests"/>).
/// </summary>
public abstract class FunctionsOutputTests
{
    protected abstract string Output { get; }

    internal static string Metadata(string key) => typeof(FunctionsOutputTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    protected JsonElement Read(string file)
    {
        var path = Path.Combine(Output, file);
        Assert.True(File.Exists(path), $"{path} is missing: build src/Comintech.Dsr.Functions first.");
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();
    }

    private Dictionary<string, JsonElement> Functions() =>
        Read("functions.metadata").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f);

    private static IEnumerable<(string Type, string? Route, string[] Methods)> Bindings(JsonElement function) =>
        function.GetProperty("bindings").EnumerateArray().Select(b => (
            b.GetProperty("type").GetString()!,
            b.TryGetProperty("route", out var route) ? route.GetString() : null,
            b.TryGetProperty("methods", out var methods) ? methods.EnumerateArray().Select(m => m.GetString()!).ToArray() : []));

    /// <summary>The route table's routes the Functions app serves (all but the engine's own).</summary>
    public static TheoryData<string, string, string> TableRoutes()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var route in DsrRoutes.All.Where(r => r.FunctionName is not null))
        {
            data.Add(route.FunctionName!, route.Method.ToLowerInvariant(), route.FunctionRoute);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TableRoutes))]
    public void Http_functions_serve_the_routes_of_the_route_table(string name, string method, string route)
    {
        var trigger = Bindings(Functions()[name]).Single(b => b.Type == "httpTrigger");

        Assert.Equal(route, trigger.Route);
        Assert.Equal([method], trigger.Methods);
    }

    [Fact]
    public void Every_http_function_is_a_route_of_the_route_table()
    {
        var tabled = DsrRoutes.All.Select(r => r.FunctionName).ToHashSet(StringComparer.Ordinal);
        var http = Functions().Where(f => Bindings(f.Value).Any(b => b.Type == "httpTrigger")).Select(f => f.Key).ToList();

        Assert.NotEmpty(http);
        Assert.All(http, name => Assert.Contains(name, tabled));
    }

    [Fact]
    public void The_orchestrator_and_every_activity_are_bound()
    {
        var functions = Functions();

        foreach (var orchestrator in Hosting.DsrTasks.Orchestrators.Select(t => t.Name))
        {
            Assert.Contains(Bindings(functions[orchestrator]), b => b.Type == "orchestrationTrigger");
        }

        foreach (var (activity, _) in Hosting.DsrTasks.Activities)
        {
            Assert.True(functions.ContainsKey(activity), $"No function for activity {activity}.");
            Assert.Contains(Bindings(functions[activity]), b => b.Type == "activityTrigger");
        }
    }

    /// <summary>The inbox model is embedded in Core: loaded from this output alone (not the test's copy), it reads a message.</summary>
    [Fact]
    public void The_inbox_model_loads_from_the_output_and_reads_a_message()
    {
        var context = new OutputLoadContext(Output);
        try
        {
            var core = context.LoadFromAssemblyPath(Path.Combine(Output, "Comintech.Dsr.Core.dll"));
            var classify = core.GetType("Comintech.Dsr.Inbox.RequestClassifier", throwOnError: true)!.GetMethod("Classify", [typeof(string), typeof(string), typeof(double)])!;
            var reading = classify.Invoke(null, ["leaving", "Please get rid of my account and everything attached to it, I'm done with your service.", 0.3])!;
            Assert.Equal(Path.Combine(Output, "Microsoft.ML.Data.dll"), context.Assemblies.Single(a => a.GetName().Name == "Microsoft.ML.Data").Location);
            Assert.Equal(("model", "deletion"), ((string)reading.GetType().GetProperty("Source")!.GetValue(reading)!, (string)reading.GetType().GetProperty("WireName")!.GetValue(reading)!));
        }
        finally
        {
            context.Unload();
        }
    }

    private sealed class OutputLoadContext(string output) : System.Runtime.Loader.AssemblyLoadContext("functions-output", isCollectible: true)
    {
        protected override Assembly? Load(AssemblyName assemblyName) =>
            File.Exists(Path.Combine(output, assemblyName.Name + ".dll")) ? LoadFromAssemblyPath(Path.Combine(output, assemblyName.Name + ".dll")) : null;
    }

    [Fact]
    public void Every_extension_the_host_loads_is_in_the_output()
    {
        foreach (var extension in Read("extensions.json").GetProperty("extensions").EnumerateArray())
        {
            var hintPath = extension.GetProperty("hintPath").GetString()!;
            Assert.True(File.Exists(Path.Combine(Output, hintPath)), $"{hintPath} of {extension.GetProperty("name")} is missing.");
        }
    }

    [Fact]
    public void Inbound_mail_blobs_trigger_the_inbox_through_event_grid_on_the_default_storage_connection()
    {
        var trigger = Functions()["InboundMailBlobFunction"].GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString() == "blobTrigger");

        Assert.Equal("inbound-mail/{name}", trigger.GetProperty("path").GetString());
        Assert.False(trigger.TryGetProperty("connection", out _));
        // Flex Consumption supports only the Event Grid source for blob triggers.
        Assert.Equal("EventGrid", trigger.GetProperty("source").GetString());
        var extensions = Read("extensions.json").GetProperty("extensions").EnumerateArray().Select(e => e.GetProperty("name").GetString());
        Assert.Contains("AzureStorageBlobs", extensions);
    }

    [Fact]
    public void Host_json_serves_routes_from_the_root_and_extensions_include_durable_task()
    {
        var host = Read("host.json");
        Assert.Equal("2.0", host.GetProperty("version").GetString());
        Assert.Equal("", host.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        var durable = host.GetProperty("extensions").GetProperty("durableTask");
        Assert.Equal("%DsrTaskHubName%", durable.GetProperty("hubName").GetString());
        Assert.Equal("AzureStorage", durable.GetProperty("storageProvider").GetProperty("type").GetString());
        Assert.Equal("AzureWebJobsStorage", durable.GetProperty("storageProvider").GetProperty("connectionName").GetString());
        Assert.InRange(durable.GetProperty("storageProvider").GetProperty("partitionCount").GetInt32(), 1, 16);
        // Durable Functions guidance for Flex Consumption: poll the queues at most every 10 s once idle.
        var polling = TimeSpan.Parse(durable.GetProperty("storageProvider").GetProperty("maxQueuePollingInterval").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(polling, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        // Orchestration inputs and outputs never reach the tracing pipeline (they hold only ids, but stay out anyway).
        Assert.False(durable.GetProperty("tracing").GetProperty("traceInputsAndOutputs").GetBoolean());

        var extensions = Read("extensions.json").GetProperty("extensions").EnumerateArray().Select(e => e.GetProperty("name").GetString());
        Assert.Contains("DurableTask", extensions);
    }

    [Fact]
    public void The_demo_data_map_is_not_in_the_output()
    {
        // The demo map names tables the infra never creates; production maps come from configuration.
        Assert.False(File.Exists(Path.Combine(Output, "datamap.json")), "The demo datamap.json is in the Functions output.");
        Assert.Empty(Directory.GetFiles(Output, "datamap*.json", SearchOption.AllDirectories));
    }
}

public class BuildOutputTests : FunctionsOutputTests
{
    protected override string Output { get; } = Metadata("FunctionsOutput");
}

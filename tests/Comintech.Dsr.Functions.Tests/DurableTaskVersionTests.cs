using System.Text.Json;

namespace Comintech.Dsr.Functions.Tests;

/// <summary>Both hosts run the shared workflow on one version of every Durable Task package (read from restore's assets).</summary>
public class DurableTaskVersionTests
{
    private static Dictionary<string, string> DurableTaskPackages(string project)
    {
        var assets = Path.Combine(Path.GetDirectoryName(project)!, "obj", "project.assets.json");
        Assert.True(File.Exists(assets), $"{assets} is missing: restore the solution first.");
        using var document = JsonDocument.Parse(File.ReadAllText(assets));
        return document.RootElement.GetProperty("libraries").EnumerateObject()
            .Where(library => library.Value.GetProperty("type").GetString() == "package")
            .Select(library => library.Name.Split('/'))
            .Where(nameAndVersion => nameAndVersion[0].StartsWith("Microsoft.DurableTask.", StringComparison.OrdinalIgnoreCase)
                || nameAndVersion[0].StartsWith("Microsoft.Azure.DurableTask.", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(nameAndVersion => nameAndVersion[0], nameAndVersion => nameAndVersion[1], StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void Every_durable_task_package_resolves_to_one_version_across_both_hosts()
    {
        var functions = DurableTaskPackages(FunctionsOutputTests.Metadata("FunctionsProject"));
        var engine = DurableTaskPackages(FunctionsOutputTests.Metadata("LocalEngineProject"));

        Assert.Contains("Microsoft.DurableTask.Worker.Grpc", functions.Keys);
        foreach (var (package, version) in functions.Where(p => engine.ContainsKey(p.Key)))
        {
            Assert.True(engine[package] == version, $"{package}: {version} in the Functions app, {engine[package]} in the local engine.");
        }

        // The SDK's own packages (not the engine's test-host sidecar) move together within each host too.
        foreach (var (host, packages) in new[] { ("Functions app", functions), ("local engine", engine) })
        {
            var sdk = packages.Where(p => p.Key.StartsWith("Microsoft.DurableTask.", StringComparison.OrdinalIgnoreCase)
                && !p.Key.Equals("Microsoft.DurableTask.InProcessTestHost", StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.True(sdk.Select(p => p.Value).Distinct().Count() == 1,
                $"The {host} mixes Durable Task SDK versions: {string.Join(", ", sdk.Select(p => $"{p.Key} {p.Value}"))}.");
        }
    }
}

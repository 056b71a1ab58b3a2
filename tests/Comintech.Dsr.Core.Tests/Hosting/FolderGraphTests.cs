using Comintech.Dsr.Hosting;
using Xunit.Abstractions;

namespace Comintech.Dsr.Core.Tests.Hosting;

/// <summary>
/// The core's folders depend on each other one way: no folder reaches back to itself through the folders it uses. The
/// composition root (Hosting) is the top layer: it uses every folder and none uses it.
/// </summary>
public class FolderGraphTests(ITestOutputHelper output)
{
    private static readonly FolderGraph Core = FolderGraph.Read(typeof(DsrServiceCollectionExtensions).Assembly.Location);

    /// <summary>The layers, bottom first: a folder may use only folders of a lower layer (or of its own, where they do not loop).</summary>
    private static readonly string[][] Layers =
    [
        ["Domain", "Storage", "Telemetry", "Limits", "Csv", "Evidence", "Verification", "Http", "Workflow", "StaffAccess"],
        ["Web"],
        ["Notifications"],
        ["Connectors"],
        ["Identity", "Deadlines", "Recipients", "Retention"],
        ["Fulfilment"],
        ["Intake"],
        ["Recovery", "Binding", "Partners", "Inbox", "Smoke"],
        ["Staff"],
        ["Hosting"],
    ];

    [Fact]
    public void No_folder_of_the_core_is_on_a_loop()
    {
        foreach (var line in Core.Lines())
        {
            output.WriteLine(line);
        }

        Assert.Empty(Core.LoopEdges().Select(e => $"{e} ({string.Join("; ", Uses(e))}) closes {Loop(e.Split(" -> ")[0])}"));
    }

    [Fact]
    public void Each_folder_uses_only_the_layers_below_it()
    {
        var layerOf = Layers.SelectMany((layer, i) => layer.Select(folder => (folder, i))).ToDictionary(p => p.folder, p => p.i, StringComparer.Ordinal);
        Assert.Empty(Core.Edges.Keys.Concat(Core.Edges.Values.SelectMany(v => v)).Distinct().Where(f => !layerOf.ContainsKey(f)).Select(f => $"{f}: in no layer"));
        Assert.Empty(Core.Edges
            .SelectMany(e => e.Value.Where(to => layerOf[to] > layerOf[e.Key]).Select(to => $"{e.Key} -> {to}"))
            .Select(e => $"{e} goes up a layer ({string.Join("; ", Uses(e))})"));
    }

    [Fact]
    public void No_feature_depends_on_the_composition_root()
    {
        Assert.Empty(Core.Edges.Where(e => e.Value.Contains("Hosting")).Select(e => $"{e.Key}: {string.Join("; ", Core.Uses[(e.Key, "Hosting")])}"));
    }

    [Fact]
    public void The_reader_sees_uses_in_signatures_bodies_and_lambdas()
    {
        // The composition root registers every feature (bodies, generic arguments); the route rows are lambdas.
        Assert.Superset(new SortedSet<string>(["Staff", "Inbox", "Intake", "Verification", "Fulfilment", "Http", "Web", "Smoke"]), Core.Edges["Hosting"]);
        Assert.Contains(Core.Uses[("Staff", "Http")], use => use.StartsWith("Staff.StaffRoutes uses Http.DsrRoute", StringComparison.Ordinal));
        Assert.Contains("Evidence", Core.Edges["Staff"]);
    }

    [Fact]
    public void A_loop_of_three_folders_is_reported_once_with_its_members()
    {
        var graph = FolderGraph.Of([("A", "B"), ("B", "C"), ("C", "A"), ("C", "D"), ("D", "E")]);

        var cycle = Assert.Single(graph.Cycles());
        Assert.Equal(["A", "B", "C"], cycle);
        Assert.Equal(["A -> B", "B -> C", "C -> A"], graph.LoopEdges());
        Assert.Equal(["A", "B", "C"], graph.Path("A", "C"));
        Assert.Null(graph.Path("E", "A"));
    }

    private static IEnumerable<string> Uses(string edge)
    {
        var ends = edge.Split(" -> ");
        return Core.Uses[(ends[0], ends[1])].Take(3);
    }

    /// <summary>A shortest way out of <paramref name="folder"/> and back, with the first use of each step.</summary>
    private static string Loop(string folder)
    {
        var back = Core.Edges.GetValueOrDefault(folder)?.Select(next => (next, path: Core.Path(next, folder))).Where(p => p.path is not null)
            .MinBy(p => p.path!.Count).path;
        return back is null ? "no loop" : string.Join(" -> ", new[] { folder }.Concat(back));
    }
}

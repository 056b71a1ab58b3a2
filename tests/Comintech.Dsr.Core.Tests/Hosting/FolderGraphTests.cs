using Comintech.Dsr.Hosting;
using Xunit.Abstractions;

namespace Comintech.Dsr.Core.Tests.Hosting;

/// <summary>
/// The core's folders depend on each other one way. The composition root (Hosting) uses every folder and none uses it;
/// the edge (Http) and the base folders are on no loop. The loops left among the feature folders are listed below: the
/// list may only shrink (a new loop, or a new edge inside one, fails; an edge that no longer closes a loop must be struck).
/// </summary>
public class FolderGraphTests(ITestOutputHelper output)
{
    private static readonly FolderGraph Core = FolderGraph.Read(typeof(DsrServiceCollectionExtensions).Assembly.Location);

    /// <summary>Folders on no loop: nothing they use reaches back to them.</summary>
    private static readonly string[] Acyclic = ["Hosting", "Http", "Domain", "Storage", "Telemetry", "Limits", "Csv", "Evidence", "Verification"];

    private static readonly string[] KnownLoopEdges =
    [
        "Connectors -> Fulfilment", "Connectors -> Notifications", "Connectors -> Recipients", "Connectors -> Retention", "Connectors -> Smoke",
        "Connectors -> Staff", "Connectors -> Web",
        "Deadlines -> Fulfilment", "Deadlines -> Notifications",
        "Fulfilment -> Connectors", "Fulfilment -> Deadlines", "Fulfilment -> Identity", "Fulfilment -> Notifications", "Fulfilment -> Recipients",
        "Fulfilment -> Recovery", "Fulfilment -> Retention", "Fulfilment -> Smoke", "Fulfilment -> Staff", "Fulfilment -> Web",
        "Identity -> Connectors", "Identity -> Fulfilment", "Identity -> Intake", "Identity -> Notifications", "Identity -> Staff",
        "Inbox -> Intake", "Inbox -> Notifications",
        "Intake -> Deadlines", "Intake -> Fulfilment", "Intake -> Identity", "Intake -> Notifications", "Intake -> Staff", "Intake -> Web",
        "Notifications -> Connectors", "Notifications -> Fulfilment", "Notifications -> Recipients",
        "Recipients -> Connectors", "Recipients -> Intake", "Recipients -> Notifications",
        "Recovery -> Connectors", "Recovery -> Fulfilment", "Recovery -> Intake", "Recovery -> Notifications", "Recovery -> Retention",
        "Retention -> Connectors", "Retention -> Fulfilment",
        "Smoke -> Connectors", "Smoke -> Intake", "Smoke -> Notifications",
        "Staff -> Connectors", "Staff -> Deadlines", "Staff -> Fulfilment", "Staff -> Identity", "Staff -> Inbox", "Staff -> Notifications",
        "Staff -> Recovery", "Staff -> Smoke", "Staff -> Web",
        "Web -> Connectors",
    ];

    [Fact]
    public void The_composition_root_the_edge_and_the_base_folders_are_on_no_loop()
    {
        foreach (var line in Core.Lines())
        {
            output.WriteLine(line);
        }

        var looped = Core.Cycles().SelectMany(group => group).Intersect(Acyclic).Select(folder => $"{folder}: {Loop(folder)}");
        Assert.Empty(looped);
    }

    [Fact]
    public void No_folder_loop_but_the_known_ones()
    {
        var edges = Core.LoopEdges();
        output.WriteLine(string.Join(Environment.NewLine, edges.Select(e => $"\"{e}\",")));

        Assert.Empty(edges.Except(KnownLoopEdges).Select(e => $"{e} ({string.Join("; ", Uses(e))}) closes {Loop(e.Split(" -> ")[0])}"));
        Assert.Empty(KnownLoopEdges.Except(edges).Select(e => $"{e} closes no loop any more: strike it from the list"));
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

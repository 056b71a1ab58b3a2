using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Comintech.Dsr.Hosting;
using Comintech.Dsr.Http;

namespace Comintech.Dsr.Core.Tests.Http;

public sealed partial class OpenApiDescriptionTests
{
    private static readonly JsonObject Document = OpenApiDescription.Build(DsrRoutes.All, DsrRouteBodies.For);

    private static IEnumerable<string> Table => DsrRoutes.All.Select(r => $"{r.Method} {r.Pattern}");

    private static IEnumerable<(string Route, JsonObject Operation)> Operations() =>
        from path in Document["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        select ($"{operation.Key.ToUpperInvariant()} {path.Key}", operation.Value!.AsObject());

    [Fact]
    public void The_description_lists_every_route_of_the_table_and_nothing_else()
    {
        Assert.Equal(Table.Order(StringComparer.Ordinal), Operations().Select(o => o.Route).Order(StringComparer.Ordinal));
        Assert.Contains($"GET {OpenApiDescription.Route}", Operations().Select(o => o.Route));
        Assert.Equal("3.1.0", (string?)Document["openapi"]);
    }

    [Fact]
    public void Each_route_names_the_security_scheme_its_access_needs_and_every_scheme_is_defined()
    {
        var defined = Document["components"]!["securitySchemes"]!.AsObject().Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var byRoute = Operations().ToDictionary(o => o.Route, o => o.Operation);
        foreach (var route in DsrRoutes.All)
        {
            var schemes = byRoute[$"{route.Method} {route.Pattern}"]["security"]!.AsArray()
                .SelectMany(requirement => requirement!.AsObject().Select(s => s.Key)).ToList();
            Assert.All(schemes, scheme => Assert.Contains(scheme, defined));
            switch (route.Access)
            {
                case RouteAccess.Staff:
                    Assert.Equal([OpenApiDescription.StaffApiKey, OpenApiDescription.StaffEntraId], schemes);
                    break;
                case RouteAccess.Partner:
                    Assert.Equal([route.Pattern.EndsWith("/link", StringComparison.Ordinal) ? OpenApiDescription.SignedLink : OpenApiDescription.PartnerSignature], schemes);
                    break;
                case RouteAccess.Public:
                    Assert.Empty(schemes);
                    break;
                default:
                    Assert.Single(schemes);
                    break;
            }
        }

        Assert.Contains(byRoute, o => o.Key == "POST /api/staff/backups/restored"
            && o.Value["security"]!.AsArray().Any(r => r!.AsObject().ContainsKey(OpenApiDescription.StaffApiKey)));
    }

    [Fact]
    public void Path_parameters_are_the_patterns_parameters_and_operation_ids_are_unique()
    {
        foreach (var (route, operation) in Operations())
        {
            var inPattern = TemplateParameter().Matches(route).Select(m => m.Groups[1].Value);
            var declared = operation["parameters"]?.AsArray().Select(p => (string)p!["name"]!) ?? [];
            Assert.Equal(inPattern, declared);
        }

        var ids = Operations().Select(o => (string)o.Operation["operationId"]!).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Only_routes_the_functions_app_does_not_bind_are_marked_local_engine_only()
    {
        var marked = Operations().Where(o => o.Operation.ContainsKey(OpenApiDescription.LocalEngineOnly)).Select(o => o.Route);
        Assert.Equal(DsrRoutes.All.Where(r => r.FunctionName is null).Select(r => $"{r.Method} {r.Pattern}"), marked);
    }

    [Fact]
    public void The_readme_route_tables_list_exactly_the_described_routes()
    {
        var readme = ReadmeRoutes(File.ReadAllLines(Repository.Readme));

        Assert.Empty(readme.Except(Operations().Select(o => o.Route)));
        Assert.Empty(Operations().Select(o => o.Route).Except(readme));
    }

    [Fact]
    public void The_readme_parser_reads_several_routes_per_row_query_strings_and_the_same_url()
    {
        string[] lines =
        [
            "| Route | What it does | Answers |",
            "| --- | --- | --- |",
            "| `GET /a/{id}?x&y` | Reads `GET /not/this` in the text. | 200 |",
            "| `POST` the same URL | Posts. | 200 |",
            "| `POST /b`, `POST /b/{id}/c` | Two. | 202 \\| 200 |",
            "",
            "| `GET /not-a-route-table` | x | y |",
        ];

        Assert.Equal(["GET /a/{id}", "POST /a/{id}", "POST /b", "POST /b/{id}/c"], ReadmeRoutes(lines));
    }

    /// <summary>The first cell of every row of the tables headed <c>| Route | What it does | Answers |</c>.</summary>
    private static List<string> ReadmeRoutes(IEnumerable<string> lines)
    {
        var routes = new List<string>();
        var inTable = false;
        string? previousPath = null;
        foreach (var line in lines)
        {
            if (line.StartsWith("| Route | What it does | Answers |", StringComparison.Ordinal))
            {
                inTable = true;
                continue;
            }

            inTable &= line.StartsWith('|');
            if (!inTable || line.StartsWith("| ---", StringComparison.Ordinal))
            {
                continue;
            }

            var cell = FirstCell().Match(line).Groups[1].Value;
            foreach (var span in CodeSpan().Matches(cell).Select(m => m.Groups[1].Value))
            {
                var route = MethodAndPath().Match(span);
                if (route.Success)
                {
                    previousPath = route.Groups[2].Value;
                    routes.Add($"{route.Groups[1].Value} {previousPath}");
                }
                else if (HttpMethod().IsMatch(span) && cell.Contains("the same URL", StringComparison.Ordinal) && previousPath is not null)
                {
                    routes.Add($"{span} {previousPath}");
                }
            }
        }

        return routes;
    }

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)[^}]*\}")]
    private static partial Regex TemplateParameter();

    [GeneratedRegex(@"^\|\s*((?:[^|\\]|\\.)*?)\s*\|")]
    private static partial Regex FirstCell();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"^(GET|POST|PUT|PATCH|DELETE) (/[^\s?]*)")]
    private static partial Regex MethodAndPath();

    [GeneratedRegex("^(GET|POST|PUT|PATCH|DELETE)$")]
    private static partial Regex HttpMethod();
}

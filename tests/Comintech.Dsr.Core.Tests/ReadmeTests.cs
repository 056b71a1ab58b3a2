namespace Comintech.Dsr.Core.Tests;

public sealed class ReadmeTests
{
    [Fact]
    public void The_project_table_names_every_project_under_src_tests_and_tools()
    {
        var readme = File.ReadAllLines(Repository.Readme);
        var table = readme.SkipWhile(line => !line.StartsWith("| Project | Holds |", StringComparison.Ordinal))
            .TakeWhile(line => line.StartsWith('|')).ToList();
        var projects = new[] { "src", "tests", "tools" }
            .SelectMany(folder => Directory.GetDirectories(Path.Combine(Repository.Root, folder)))
            .Where(directory => Directory.EnumerateFiles(directory, "*.csproj").Any())
            .Select(directory => Path.GetRelativePath(Repository.Root, directory).Replace('\\', '/'))
            .ToList();

        Assert.NotEmpty(table);
        Assert.Contains("src/Comintech.Dsr.Core", projects);
        Assert.All(projects, project => Assert.Contains(table, row => row.Contains($"`{project}`", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_readme_points_to_nothing_outside_the_repository() =>
        Assert.DoesNotContain("../", File.ReadAllText(Repository.Readme), StringComparison.Ordinal);
}

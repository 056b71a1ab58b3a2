using System.Reflection;

namespace Comintech.Dsr.Core.Tests;

/// <summary>The repository this test project was built from (its README and project folders).</summary>
internal static class Repository
{
    public static string Root { get; } = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string Readme => Path.Combine(Root, "README.md");
}

namespace Comintech.Dsr.LocalEngine.Engine;

/// <summary>Finds the repository root (the folder holding Comintech.DSR.sln) so local state lands in its .dsr/ folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string LocalState => Path.Combine(Root, ".dsr");

    /// <summary>Relative paths are taken from the repository root.</summary>
    public static string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(Root, path));

    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Comintech.DSR.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return Directory.GetCurrentDirectory();
    }
}

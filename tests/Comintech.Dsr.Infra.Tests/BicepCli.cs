using System.Diagnostics;
using System.Reflection;

namespace Comintech.Dsr.Infra.Tests;

/// <summary>The bicep compiler from the NuGet package Azure.Bicep.CommandLine.linux-x64, run on <c>infra/</c>.</summary>
public static class BicepCli
{
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static string MainTemplate => Path.Combine(RepositoryRoot, "infra", "main.bicep");

    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        /// <summary>Diagnostic lines, e.g. <c>main.bicep(3,7) : Warning no-unused-params: …</c>.</summary>
        public IReadOnlyList<string> Diagnostics(string level) =>
            StandardError.Split('\n').Where(line => line.Contains($" : {level} ", StringComparison.Ordinal)).ToList();
    }

    public static async Task<Result> RunAsync(params string[] arguments)
    {
        var executable = Path.Combine(Metadata("BicepPackage"), "tools", "bicep");
        Assert.True(File.Exists(executable), $"{executable} is missing: restore tests/Comintech.Dsr.Infra.Tests.");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(executable, File.GetUnixFileMode(executable) | UnixFileMode.UserExecute);
        }

        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryRoot,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Offline: no telemetry, no version check.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await output, await error);
    }

    private static string Metadata(string key) =>
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}

using System.Diagnostics;
using Comintech.Dsr.LocalEngine.Storage;
using Xunit;

namespace Comintech.Dsr.Testing;

/// <summary>
/// A throwaway PostgreSQL server (Debian's package, installed by test.sh) on a free loopback port, its data in a
/// temporary folder; stopped and deleted at the end. initdb refuses root, so as root it runs as the postgres user.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "dsr-pg-" + Guid.NewGuid().ToString("N"));
    private readonly int port = AzuriteProcess.FreePort();
    private string bin = "";

    public string ConnectionString => $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Timeout=15";

    private string Data => Path.Combine(folder, "data");

    public async Task InitializeAsync()
    {
        bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).FirstOrDefault() ?? ""
            : "";
        if (bin.Length == 0)
        {
            throw new InvalidOperationException("PostgreSQL is not installed (run ./test.sh, which installs the Debian package postgresql).");
        }

        Directory.CreateDirectory(folder);
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", "postgres:postgres", folder);
        }

        await RunPostgresAsync("initdb", "-D", Data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync");
        await RunPostgresAsync(
            "pg_ctl", "-D", Data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60",
            "-o", $"-p {port} -c listen_addresses=127.0.0.1 -k {folder} -c fsync=off", "start");
    }

    public async Task DisposeAsync()
    {
        try
        {
            await RunPostgresAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private Task RunPostgresAsync(string tool, params string[] arguments) =>
        Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(bin, tool), .. arguments])
            : RunAsync(Path.Combine(bin, tool), arguments);

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
        }
    }
}

using System.Diagnostics;

namespace Comintech.Dsr.Infra.Tests;

/// <summary>
/// Runs an azd hook script from <c>infra/scripts</c> with a fake <c>az</c> first on PATH. The fake records each call
/// (one argument a line, calls separated by <c>--end--</c>) and answers from files named after the command.
/// </summary>
public sealed class HookScript : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("dsr-hook-").FullName;

    public HookScript()
    {
        var az = Path.Combine(folder, "az");
        File.WriteAllText(az, """
            #!/bin/sh
            for argument in "$@"; do printf '%s\n' "$argument" >> "$FAKE_AZ_DIR/calls"; done
            echo '--end--' >> "$FAKE_AZ_DIR/calls"
            # Answers for `az <a> <b> <c>` are read one line per call from $FAKE_AZ_DIR/<a>-<b>-<c>.answers.
            answers="$FAKE_AZ_DIR/$1-$2-$3.answers"
            if [ -f "$answers" ]; then
              head -n 1 "$answers"
              tail -n +2 "$answers" > "$answers.rest"; mv "$answers.rest" "$answers"
            fi
            exit 0
            """.Replace("\r", "", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(az, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    /// <summary>Lines <c>az a b c</c> prints, one per call, in order (an empty line prints nothing).</summary>
    public void Answer(string command, params string[] lines) =>
        File.WriteAllLines(Path.Combine(folder, command.Replace(' ', '-') + ".answers"), lines);

    public IReadOnlyList<IReadOnlyList<string>> Calls()
    {
        var path = Path.Combine(folder, "calls");
        if (!File.Exists(path))
        {
            return [];
        }

        var calls = new List<IReadOnlyList<string>>();
        var current = new List<string>();
        foreach (var line in File.ReadAllLines(path))
        {
            if (line == "--end--")
            {
                calls.Add(current);
                current = [];
            }
            else
            {
                current.Add(line);
            }
        }

        return calls;
    }

    public async Task<BicepCli.Result> RunAsync(string script, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = BicepCli.RepositoryRoot,
        };
        start.ArgumentList.Add(Path.Combine(BicepCli.RepositoryRoot, "infra", "scripts", script));
        start.Environment["PATH"] = folder + ":" + Environment.GetEnvironmentVariable("PATH");
        start.Environment["FAKE_AZ_DIR"] = folder;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return new BicepCli.Result(process.ExitCode, await output, await error);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}

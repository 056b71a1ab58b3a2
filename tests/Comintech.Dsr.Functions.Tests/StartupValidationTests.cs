using System.Diagnostics;

namespace Comintech.Dsr.Functions.Tests;

/// <summary>
/// The built Functions app run without the Functions host (its worker channel points at a closed port) or storage:
/// options are validated first, so a bad setting stops it before it would try to reach either.
/// </summary>
public sealed class StartupValidationTests
{
    private static async Task<string> RunAsync(string key, string value)
    {
        var output = FunctionsOutputTests.Metadata("FunctionsOutput");
        var repository = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(FunctionsOutputTests.Metadata("FunctionsProject"))!, "..", ".."));
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = output,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(output, "Comintech.Dsr.Functions.dll"));
        foreach (var (name, setting) in new Dictionary<string, string>
        {
            ["Dsr__StorageConnectionString"] = "UseDevelopmentStorage=true",
            ["Dsr__IdentifierHashKey"] = "test-identifier-hash-key-0123456789abcdef",
            ["Dsr__Protection__Key"] = "test-protection-key-0123456789abcdef-0123456789",
            ["DataMap__File"] = Path.Combine(repository, "datamap.json"),
            ["DataMap__StoreCheck"] = "Off",
            ["Functions__Worker__HostEndpoint"] = "http://127.0.0.1:1",
            ["Functions__Worker__WorkerId"] = "startup-validation",
            ["Functions__Worker__GrpcMaxMessageLength"] = "2147483647",
            [key] = value,
        })
        {
            start.Environment[name] = setting;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        Assert.NotEqual(0, process.ExitCode);
        return await stdout + await stderr;
    }

    [Fact]
    public async Task A_bad_nested_option_stops_the_functions_app_with_a_message_naming_it()
    {
        var output = await RunAsync("Dsr__Verification__MaxAttempts", "0");

        Assert.Contains("OptionsValidationException", output, StringComparison.Ordinal);
        Assert.Contains("Dsr:Verification:MaxAttempts: ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_valid_options_it_gets_as_far_as_calling_storage()
    {
        var output = await RunAsync("Dsr__Verification__MaxAttempts", "3");

        Assert.DoesNotContain("OptionsValidationException", output, StringComparison.Ordinal);
        Assert.Contains("Connection refused (127.0.0.1:10002)", output, StringComparison.Ordinal);
    }
}

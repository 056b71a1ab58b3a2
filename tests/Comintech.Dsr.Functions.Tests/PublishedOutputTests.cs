using System.Diagnostics;

namespace Comintech.Dsr.Functions.Tests;

/// <summary>Publishes the Functions app (as a deployment does) into a temporary folder, from the build already made.</summary>
public sealed class PublishedFunctions : IAsyncLifetime
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "dsr-functions-publish-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            "publish", FunctionsOutputTests.Metadata("FunctionsProject"), "-c", FunctionsOutputTests.Metadata("Configuration"),
            "--no-build", "-o", Directory, "-nologo",
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"dotnet publish failed:\n{await output}\n{await error}");
    }

    public Task DisposeAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        return Task.CompletedTask;
    }
}

public class PublishedOutputTests(PublishedFunctions published) : FunctionsOutputTests, IClassFixture<PublishedFunctions>
{
    protected override string Output => published.Directory;

    [Theory]
    [InlineData("host.json")]
    [InlineData("functions.metadata")]
    [InlineData("extensions.json")]
    [InlineData("worker.config.json")]
    [InlineData("Comintech.Dsr.Functions.dll")]
    public void The_package_holds_what_the_host_loads(string file) =>
        Assert.True(File.Exists(Path.Combine(Output, file)), $"{file} is not in the published output.");

    [Fact]
    public void Local_settings_are_not_published() =>
        Assert.Empty(System.IO.Directory.GetFiles(Output, "local.settings*.json"));
}

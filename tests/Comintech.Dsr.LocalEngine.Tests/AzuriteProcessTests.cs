using System.Net;
using System.Net.Sockets;
using Comintech.Dsr.LocalEngine.Engine;
using Comintech.Dsr.LocalEngine.Storage;

namespace Comintech.Dsr.LocalEngine.Tests;

public sealed class AzuriteProcessTests
{
    [Fact]
    public async Task A_port_another_process_holds_fails_the_start_and_says_why()
    {
        using var other = new TcpListener(IPAddress.Loopback, 0);
        other.Start();
        var taken = ((IPEndPoint)other.LocalEndpoint).Port;

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => AzuriteProcess.StartAsync(
            RepositoryPaths.Root, location: null, taken, AzuriteProcess.FreePort(), AzuriteProcess.FreePort(), reuseIfListening: false));

        Assert.Contains("blob exited with code", failure.Message, StringComparison.Ordinal);
        Assert.Contains("EADDRINUSE", failure.Message, StringComparison.Ordinal);
    }
}

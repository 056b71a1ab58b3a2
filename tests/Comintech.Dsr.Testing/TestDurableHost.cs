using System.Net;
using System.Net.Sockets;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Testing;

namespace Comintech.Dsr.Testing;

/// <summary>
/// Starts the in-process Durable Task test host on a port the operating system has just handed out. The package's
/// default draws a random port between 30000 and 40000, inside Linux's ephemeral range, so another test's outgoing
/// connection can hold it; a port lost to such a race between release and bind is drawn again.
/// </summary>
public static class TestDurableHost
{
    private const int Attempts = 5;

    public static async Task<DurableTaskTestHost> StartAsync(Action<DurableTaskRegistry> configureTasks, DurableTaskTestHostOptions? options = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var settings = new DurableTaskTestHostOptions
            {
                Port = FreePort(),
                LoggerFactory = options?.LoggerFactory,
                ConfigureServices = options?.ConfigureServices,
            };
            try
            {
                return await DurableTaskTestHost.StartAsync(configureTasks, settings);
            }
            catch (Exception ex) when (attempt < Attempts && IsAddressInUse(ex))
            {
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsAddressInUse(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse }
                || ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

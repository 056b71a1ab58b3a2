using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Comintech.Dsr.Connectors.Partners;
using Comintech.Dsr.LocalEngine.Storage;

namespace Comintech.Dsr.Testing;

/// <summary>
/// A partner's or Client's endpoint on a free loopback port: it records each signed POST (body, timestamp and signature
/// headers) and answers 202.
/// </summary>
public sealed class LoopbackReceiver : IDisposable
{
    private readonly HttpListener listener = new();

    public LoopbackReceiver(string path)
    {
        Url = $"http://127.0.0.1:{AzuriteProcess.FreePort()}/{path}/";
        listener.Prefixes.Add(Url);
        listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public ConcurrentQueue<(string Body, string Timestamp, string Signature)> Received { get; } = new();

    public void Dispose() => listener.Close();

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            try
            {
                var context = await listener.GetContextAsync();
                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                Received.Enqueue((await reader.ReadToEndAsync(), context.Request.Headers[PartnerSignature.TimestampHeader] ?? "", context.Request.Headers[PartnerSignature.SignatureHeader] ?? ""));
                context.Response.StatusCode = 202;
                context.Response.Close();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
        }
    }
}

using System.Text.Json;
using Azure.Storage.Blobs.Models;
using Comintech.Dsr.Storage;

namespace Comintech.Dsr.Connectors;

/// <summary>Writes a store's part of an access package to the private exports container at <c>&lt;requestId&gt;/&lt;storeId&gt;.json</c>.</summary>
public sealed class ConnectorExports(DsrStorage storage, TimeProvider clock)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <returns>The export's path inside the exports container (the outcome's artifact path).</returns>
    public async Task<string> WriteAsync(ConnectorRequest request, object records, CancellationToken cancellationToken)
    {
        var document = new
        {
            store = request.Store.Id,
            storeName = request.Store.Name,
            exportedAt = clock.GetUtcNow(),
            records,
        };
        var path = $"{request.RequestId}/{request.Store.Id}.json";
        await using var stream = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(document, JsonOptions));
        await storage.Exports.GetBlobClient(path).UploadAsync(
            stream, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } }, cancellationToken);
        return path;
    }
}

namespace Comintech.Dsr.Connectors;

/// <summary>Writes a store's part of an access package to the private exports container at <c>&lt;requestId&gt;/&lt;storeId&gt;.json</c>.</summary>
public sealed class ConnectorExports(DsrStorage storage, TimeProvider clock)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <returns>The export's path inside the exports container (the outcome's artifact path).</returns>
    public Task<string> WriteAsync(ConnectorRequest request, object records, CancellationToken cancellationToken) =>
        WriteAsync(request.RequestId, request.Store, $"{request.Store.Id}.json", records, cancellationToken);

    /// <summary>Records a partner or staff attached to an access confirmation, at <c>&lt;requestId&gt;/&lt;storeId&gt;.attached.&lt;digest&gt;.json</c>.</summary>
    public Task<string> WriteAttachedAsync(string requestId, DataStoreDefinition store, System.Text.Json.Nodes.JsonArray records, CancellationToken cancellationToken)
    {
        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(records.ToJsonString())))[..16];
        return WriteAsync(requestId, store, $"{store.Id}.attached.{digest}.json", records, cancellationToken);
    }

    private async Task<string> WriteAsync(string requestId, DataStoreDefinition store, string name, object records, CancellationToken cancellationToken)
    {
        var document = new
        {
            store = store.Id,
            storeName = store.Name,
            exportedAt = clock.GetUtcNow(),
            records,
        };
        var path = $"{requestId}/{name}";
        await using var stream = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(document, JsonOptions));
        await storage.Exports.GetBlobClient(path).UploadAsync(
            stream, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } }, cancellationToken);
        return path;
    }
}

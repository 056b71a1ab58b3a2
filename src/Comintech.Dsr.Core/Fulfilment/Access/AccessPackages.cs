namespace Comintech.Dsr.Fulfilment.Access;

/// <summary>
/// Builds a request's access package from the stores' exports into the private packages container at
/// <c>&lt;requestId&gt;/package.zip</c>, and makes and checks its signed, expiring download link.
/// The package is served through the app (not a SAS): the same code path works on Azurite and with identity-based storage.
/// </summary>
public sealed class AccessPackages(
    DsrStorage storage,
    IOptions<AccessPackageOptions> options,
    IOptions<IdentifierHashOptions> keys,
    IOptions<DataMapOptions> dataMap,
    Retention.WorkingCopies copies,
    PublicLinks links,
    RequestStore requests,
    AccessReviews reviews,
    TimeProvider clock)
{
    private const string ExpiresMetadata = "expires";

    /// <summary>
    /// Builds and stores the package once (a rerun keeps the first one and its expiry), then deletes the per-store exports
    /// it was built from; returns the download link.
    /// </summary>
    public async Task<PublishedPackage> PublishAsync(string requestId, IReadOnlyList<ConnectorOutcome> outcomes, CancellationToken cancellationToken)
    {
        var blob = storage.AccessPackages.GetBlobClient(BlobName(requestId));
        long expires;
        try
        {
            var existing = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
            expires = long.Parse(existing.Value.Metadata[ExpiresMetadata], NumberStyles.None, CultureInfo.InvariantCulture);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            var request = await requests.GetAsync(requestId, cancellationToken);
            var removed = await reviews.RemovalsAsync(requestId, cancellationToken);
            var sections = new List<AccessPackageSection>();
            foreach (var outcome in outcomes)
            {
                var records = await RecordsAsync(outcome, cancellationToken);
                var withheld = removed.Where(r => r.StoreId == outcome.StoreId).ToDictionary(r => r.ItemKey, r => r.Reason, StringComparer.Ordinal);
                var keys = records.Select(r => AccessReviews.ItemKey(outcome.StoreId, r)).ToList();
                var kept = new JsonArray([.. records.Where((_, i) => !withheld.ContainsKey(keys[i])).Select(r => r?.DeepClone())]);
                sections.Add(new AccessPackageSection(dataMap.Value.Get(outcome.StoreId), outcome, kept)
                {
                    Withheld = [.. keys.Where(withheld.ContainsKey).Distinct(StringComparer.Ordinal).Select(k => withheld[k])],
                    RecipientNames = [.. RecipientDefinition.Of(dataMap.Value, [outcome.StoreId]).Select(r => r.Name)],
                });
            }

            var now = clock.GetUtcNow();
            expires = (now + options.Value.LinkTtl).ToUnixTimeSeconds();
            var zip = AccessPackageWriter.Write(requestId, now, sections, request.Language, request.Jurisdiction);
            await blob.UploadAsync(new BinaryData(zip), new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/zip" },
                Metadata = new Dictionary<string, string> { [ExpiresMetadata] = expires.ToString(CultureInfo.InvariantCulture) },
            }, cancellationToken);
        }

        // The exports were working copies: the package now holds what goes out (a re-run finds none left to remove).
        await copies.RemoveExportsAsync(requestId, cancellationToken);
        return new PublishedPackage(LinkFor(requestId, expires), DateTimeOffset.FromUnixTimeSeconds(expires));
    }

    public string LinkFor(string requestId, long expires) =>
        links.AccessPackage(requestId, expires, AccessPackageLink.Sign(keys.Value.IdentifierHashKey, requestId, expires));

    /// <summary>Checks a link's signature and expiry; on success opens the package.</summary>
    public async Task<(PackageLinkState State, Stream? Package)> OpenAsync(string requestId, long expires, string? signature, CancellationToken cancellationToken)
    {
        if (!AccessPackageLink.IsAuthentic(keys.Value.IdentifierHashKey, requestId, expires, signature))
        {
            return (PackageLinkState.Invalid, null);
        }

        if (clock.GetUtcNow().ToUnixTimeSeconds() > expires)
        {
            return (PackageLinkState.Expired, null);
        }

        try
        {
            var download = await storage.AccessPackages.GetBlobClient(BlobName(requestId)).OpenReadAsync(cancellationToken: cancellationToken);
            return (PackageLinkState.Valid, download);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return (PackageLinkState.Expired, null);
        }
    }

    public static string BlobName(string requestId) => DsrStorage.AccessPackageBlobName(requestId);

    /// <summary>Removes the package so the next <see cref="PublishAsync"/> builds it afresh (its earlier link then answers 410).</summary>
    public Task WithdrawAsync(string requestId, CancellationToken cancellationToken) =>
        storage.AccessPackages.GetBlobClient(BlobName(requestId)).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    /// <summary>The records of one store's export (empty when it exported nothing).</summary>
    public async Task<JsonArray> RecordsAsync(ConnectorOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.ArtifactPath is null)
        {
            return [];
        }

        var export = await storage.Exports.GetBlobClient(outcome.ArtifactPath).DownloadContentAsync(cancellationToken);
        return JsonNode.Parse(export.Value.Content.ToString())?["records"] switch
        {
            JsonArray records => (JsonArray)records.DeepClone(),
            null => [],
            JsonNode single => [single.DeepClone()],
        };
    }
}

public enum PackageLinkState
{
    Valid,
    Invalid,
    Expired,
}

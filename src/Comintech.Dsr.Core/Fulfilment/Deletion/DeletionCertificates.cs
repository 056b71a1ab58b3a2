namespace Comintech.Dsr.Fulfilment.Deletion;

/// <summary>
/// The deletion certificate: every store's outcome, what was kept and why, and the evidence chain's head (sequence and
/// hash) when the request closed; JSON and HTML in the evidence container at <c>&lt;requestId&gt;/deletion-certificate.*</c>.
/// It holds no personal data: store ids, counts, field names, reasons and hashes.
/// </summary>
public sealed class DeletionCertificates(DsrStorage storage, EvidenceLedger evidence, IOptions<DataMapOptions> dataMap)
{
    public const string JsonName = "deletion-certificate.json";
    public const string HtmlName = "deletion-certificate.html";
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>
    /// Issues the certificate once: each upload is write-once (and the container is in Azure), so a rerun keeps what is
    /// there. Both documents are made from the chain up to its <paramref name="completed"/> link, and dated by it, so a
    /// rerun after a crash between the two uploads writes the missing one identical to what the first would have written.
    /// </summary>
    /// <param name="supplement">Names a later certificate (e.g. after an account was bound): <c>deletion-certificate.&lt;supplement&gt;.*</c>.</param>
    public async Task IssueAsync(
        string requestId,
        RequestStatus status,
        IReadOnlyList<ConnectorOutcome> outcomes,
        EvidenceRecord completed,
        CancellationToken cancellationToken,
        string? supplement = null)
    {
        var records = (await evidence.ReadAsync(requestId, cancellationToken)).Where(r => r.Sequence <= completed.Sequence).ToList();
        var chain = EvidenceLedger.Verify(records);
        if (!chain.IsIntact)
        {
            throw new InvalidOperationException($"The evidence chain of {requestId} is broken at {chain.FirstBrokenSequence}; no certificate issued.");
        }

        var names = dataMap.Value.Stores.ToDictionary(s => s.Id, s => s.Name);
        var certificate = new DeletionCertificate(
            requestId,
            status.ToString(),
            completed.OccurredAt,
            [.. outcomes.Select(o => new CertifiedStore(o.StoreId, names.GetValueOrDefault(o.StoreId, o.StoreId), o.Kind.ToString(), o.RecordsFound, o.RecordsAffected, o.Note, o.CompletedAt))],
            RetainedItems.From(dataMap.Value, outcomes),
            new CertifiedChain(chain.Length, records.Count == 0 ? 0 : records[^1].Sequence, chain.HeadHash));

        await UploadAsync(storage.EvidenceDocuments.GetBlobClient($"{requestId}/{Named(HtmlName, supplement)}"), Html(certificate), "text/html; charset=utf-8", cancellationToken);
        await UploadAsync(
            storage.EvidenceDocuments.GetBlobClient($"{requestId}/{Named(JsonName, supplement)}"), JsonSerializer.Serialize(certificate, JsonOptions), "application/json", cancellationToken);
    }

    public static string Named(string name, string? supplement) =>
        supplement is null ? name : name.Replace("deletion-certificate.", $"deletion-certificate.{supplement}.", StringComparison.Ordinal);

    private static async Task UploadAsync(Azure.Storage.Blobs.BlobClient blob, string content, string contentType, CancellationToken cancellationToken)
    {
        try
        {
            await blob.UploadAsync(
                new BinaryData(Encoding.UTF8.GetBytes(content)),
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType }, Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Written by an earlier attempt of this activity.
        }
    }

    /// <summary>The certificate as a page (<c>Web/Templates/deletion-certificate.html</c>).</summary>
    private static string Html(DeletionCertificate c) => HtmlTemplates.Render("deletion-certificate.html", new TemplateModel
    {
        ["requestId"] = c.RequestId,
        ["status"] = c.Status,
        ["issuedAt"] = c.IssuedAt.ToString("u", CultureInfo.InvariantCulture),
        ["stores"] = c.Stores.Select(s => new TemplateModel
        {
            ["storeName"] = s.StoreName,
            ["outcome"] = s.Outcome,
            ["recordsFound"] = s.RecordsFound,
            ["recordsAffected"] = s.RecordsAffected,
            ["note"] = s.Note,
        }).ToList(),
        ["retained"] = c.Retained.Select(r => new TemplateModel
        {
            ["storeName"] = r.StoreName,
            ["keptFields"] = string.Join(", ", r.KeptFields),
            ["reason"] = r.Reason,
        }).ToList(),
        ["length"] = c.Evidence.Length,
        ["headSequence"] = c.Evidence.HeadSequence,
        ["headHash"] = c.Evidence.HeadHash,
    }).Value;
}

public sealed record DeletionCertificate(
    string RequestId, string Status, DateTimeOffset IssuedAt, IReadOnlyList<CertifiedStore> Stores, IReadOnlyList<RetainedItem> Retained, CertifiedChain Evidence);

public sealed record CertifiedStore(string StoreId, string StoreName, string Outcome, int RecordsFound, int RecordsAffected, string? Note, DateTimeOffset CompletedAt);

public sealed record CertifiedChain(int Length, long HeadSequence, string HeadHash);

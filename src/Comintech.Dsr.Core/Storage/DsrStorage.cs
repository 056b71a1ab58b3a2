namespace Comintech.Dsr.Storage;

/// <summary>The tables and containers of the system's data (not the engine's task hub).</summary>
public sealed class DsrStorage(TableServiceClient tables, BlobServiceClient blobs)
{
    public const string RequestsTable = "DsrRequests";
    public const string EvidenceTable = "DsrEvidence";
    public const string ConnectorRunsTable = "DsrConnectorRuns";
    public const string AuditTable = "DsrAudit";
    public const string ExportsContainer = "dsr-exports";
    public const string InboundMessagesTable = "DsrInboundMessages";
    public const string InboundRawContainer = "dsr-inbound-raw";
    public const string WaitingStoresTable = "DsrWaitingStores";
    public const string RestoreSuppressionTable = "DsrRestoreSuppression";
    public const string WebLogErasuresTable = "DsrWebLogErasures";
    public const string PartnerReplaysTable = "DsrPartnerReplays";
    public const string LocksContainer = "dsr-locks";
    public const string StaffAttachmentsContainer = "dsr-staff-attachments";
    public const string InboundMailContainer = "inbound-mail";
    public const string AccessPackagesContainer = "dsr-access-packages";
    public const string EvidenceDocumentsContainer = "dsr-evidence";
    public const string LimitsTable = "DsrLimits";
    public const string SmokeSandboxTable = "DsrSmokeSandbox";

    public TableServiceClient Tables { get; } = tables;

    public BlobServiceClient Blobs { get; } = blobs;

    public TableClient Requests => Tables.GetTableClient(RequestsTable);

    public TableClient Evidence => Tables.GetTableClient(EvidenceTable);

    public TableClient ConnectorRuns => Tables.GetTableClient(ConnectorRunsTable);

    public TableClient Audit => Tables.GetTableClient(AuditTable);

    /// <summary>Per-address abuse limits, keyed by the address's keyed hash.</summary>
    public TableClient Limits => Tables.GetTableClient(LimitsTable);

    public BlobContainerClient Exports => Blobs.GetBlobContainerClient(ExportsContainer);

    /// <summary>Message-ID index and recent-request index of the privacy inbox.</summary>
    public TableClient InboundMessages => Tables.GetTableClient(InboundMessagesTable);

    /// <summary>Private: every inbound message as received, kept as evidence.</summary>
    public BlobContainerClient InboundRaw => Blobs.GetBlobContainerClient(InboundRawContainer);

    /// <summary>Where raw .eml files are dropped for intake (blob trigger / the local engine's watcher).</summary>
    public BlobContainerClient InboundMail => Blobs.GetBlobContainerClient(InboundMailContainer);

    /// <summary>Private: zipped access packages, deleted by a lifecycle rule after <c>accessPackageDays</c>.</summary>
    public BlobContainerClient AccessPackages => Blobs.GetBlobContainerClient(AccessPackagesContainer);

    /// <summary>A request's access package in <see cref="AccessPackages"/>.</summary>
    public static string AccessPackageBlobName(string requestId) => $"{requestId}/package.zip";

    /// <summary>Immutable in Azure: deletion certificates.</summary>
    public BlobContainerClient EvidenceDocuments => Blobs.GetBlobContainerClient(EvidenceDocumentsContainer);

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        await Requests.CreateIfNotExistsAsync(cancellationToken);
        await Evidence.CreateIfNotExistsAsync(cancellationToken);
        await ConnectorRuns.CreateIfNotExistsAsync(cancellationToken);
        await Audit.CreateIfNotExistsAsync(cancellationToken);
        await Limits.CreateIfNotExistsAsync(cancellationToken);
        await Exports.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await InboundMessages.CreateIfNotExistsAsync(cancellationToken);
        await InboundRaw.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await InboundMail.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await AccessPackages.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await EvidenceDocuments.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await Tables.GetTableClient(SmokeSandboxTable).CreateIfNotExistsAsync(cancellationToken);
    }
}

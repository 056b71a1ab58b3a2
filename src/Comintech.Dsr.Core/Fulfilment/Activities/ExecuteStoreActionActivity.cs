using Azure;
using Azure.Data.Tables;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.Storage;
using Comintech.Dsr.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Comintech.Dsr.Fulfilment.Activities;

/// <summary>
/// Runs one store's action through its connector. The outcome is kept under the idempotency key, so a re-run
/// returns the first outcome instead of acting twice; it is also appended to the evidence chain.
/// Failures leave as a <see cref="ConnectorException"/> whose message holds no personal data (the engine stores it).
/// </summary>
public sealed partial class ExecuteStoreActionActivity(
    RequestStore requests,
    IOptions<DataMapOptions> dataMap,
    IEnumerable<IDataStoreConnector> connectors,
    DsrStorage storage,
    EvidenceLedger evidence,
    ILogger<ExecuteStoreActionActivity> logger)
    : IDsrActivity<StoreActionInput, ConnectorOutcome>
{
    public async Task<ConnectorOutcome> RunAsync(StoreActionInput input, CancellationToken cancellationToken)
    {
        var key = ConnectorRequest.KeyFor(input.RequestId, input.StoreId, input.Action);
        var earlier = await storage.ConnectorRuns.GetEntityIfExistsAsync<TableEntity>(input.RequestId, key, cancellationToken: cancellationToken);
        if (earlier.HasValue)
        {
            return ConnectorRunRecord.ToOutcome(earlier.Value!);
        }

        var store = dataMap.Value.Get(input.StoreId);
        var connector = connectors.FirstOrDefault(c => string.Equals(c.Kind, store.Kind, StringComparison.OrdinalIgnoreCase))
            ?? throw new ConnectorException($"No connector serves kind '{store.Kind}'.");
        var request = await requests.GetAsync(input.RequestId, cancellationToken);
        var connectorRequest = new ConnectorRequest(input.RequestId, store, input.Action, key, request.Subject, request.Corrections);

        ConnectorOutcome outcome;
        using var span = DsrTelemetry.StartConnectorCall(input.RequestId, input.StoreId, input.Action.ToString());
        try
        {
            outcome = input.Action switch
            {
                ConnectorAction.Export => await connector.ExportAsync(connectorRequest, cancellationToken),
                ConnectorAction.Rectify => await connector.RectifyAsync(connectorRequest, cancellationToken),
                ConnectorAction.Erase => await connector.EraseAsync(connectorRequest, cancellationToken),
                _ => throw new ConnectorException($"Action {input.Action} is unknown."),
            };
        }
        catch (ConnectorException ex)
        {
            DsrTelemetry.Failed(span, ex);
            LogFailed(logger, input.RequestId, input.StoreId, nameof(ConnectorException));
            throw new ConnectorException(ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Messages of other exceptions may quote the identifiers searched for: keep only their type and status.
            var status = ex is RequestFailedException rfe ? $" (HTTP {rfe.Status} {rfe.ErrorCode})" : "";
            DsrTelemetry.Failed(span, ex);
            LogFailed(logger, input.RequestId, input.StoreId, ex.GetType().Name + status);
            throw new ConnectorException($"{ex.GetType().Name}{status}");
        }

        span?.SetTag(DsrTelemetry.OutcomeTag, outcome.Kind.ToString());
        await storage.ConnectorRuns.UpsertEntityAsync(ConnectorRunRecord.ToEntity(input.RequestId, key, outcome), TableUpdateMode.Replace, cancellationToken);
        await evidence.AppendAsync(input.RequestId, "store:" + key, EvidenceEvents.StoreOutcome, outcome, cancellationToken: cancellationToken);
        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {RequestId}: store {StoreId} failed with {Failure}")]
    private static partial void LogFailed(ILogger logger, string requestId, string storeId, string failure);
}

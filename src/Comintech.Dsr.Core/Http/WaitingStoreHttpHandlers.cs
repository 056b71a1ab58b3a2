using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Connectors.Partners;
using Comintech.Dsr.Connectors.Waiting;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Fulfilment;
using Comintech.Dsr.Staff;
using Comintech.Dsr.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Comintech.Dsr.Http;

/// <summary>
/// Confirmations of store parts that wait on someone: partners (authenticated by their HMAC signature) and staff
/// marking a manual step done (a staff route: staff credentials required, each use in the audit log).
/// </summary>
public sealed class WaitingStoreHttpHandlers(
    IOptions<DataMapOptions> dataMap, WaitingStoreTable waiting, RequestStore requests, DsrStorage storage, IConfiguration configuration,
    StaffAuthenticator authenticator, StaffAuditLog audit, ConnectorExports exports, TimeProvider clock)
{
    public const string ReplaysTable = DsrStorage.PartnerReplaysTable;
    public const string AttachmentsContainer = DsrStorage.StaffAttachmentsContainer;
    private const int MaxAttachmentBytes = 40 * 1024;

    /// <summary>
    /// POST /api/partners/{partnerId}/confirmations, signed: <c>{requestId, action, outcome, recordsAffected, records?}</c>;
    /// for access, <c>records</c> (see <see cref="AttachedRecords"/>) join the person's package.
    /// </summary>
    public async Task<IResult> PartnerConfirmationAsync(HttpRequest http, string partnerId, DurableTaskClient client)
    {
        var cancellationToken = http.HttpContext.RequestAborted;
        var store = dataMap.Value.Stores.FirstOrDefault(s =>
            s.Kind.Equals(PartnerWebhookConnector.KindName, StringComparison.OrdinalIgnoreCase) && s.Setting("PartnerId") == partnerId);
        var secret = store is null ? null : PartnerWebhookConnector.SecretFor(store, configuration);
        var (fields, requestId, errors, failure) = await ReadSignedAsync(http, partnerId, secret, "partner");
        if (failure is not null)
        {
            return failure;
        }

        var action = ParseAction(fields.GetValueOrDefault("action"), errors);
        var confirmation = ParseConfirmation(fields, "partner:" + partnerId, errors);
        var records = AttachedRecords.Parse(fields, action, errors);
        return errors.Count > 0
            ? Problems.Validation(errors)
            : await ConfirmAsync(requestId!, store!.Id, action!.Value, confirmation!, null, null, records, client, cancellationToken);
    }

    /// <summary>
    /// POST /api/staff/requests/{id}/stores/{storeId}/done: <c>{note, outcome?, recordsAffected?, attachmentName?, attachmentBase64?, records?}</c>;
    /// for access, <c>records</c> (see <see cref="AttachedRecords"/>) join the person's package.
    /// </summary>
    public async Task<IResult> ManualStepDoneAsync(HttpRequest http, string requestId, string storeId, DurableTaskClient client)
    {
        var access = await authenticator.AuthenticateForRequestAsync(requests, http, requestId);
        if (access.Denied)
        {
            return access.Failure;
        }

        var (staff, request) = (access.Staff, access.Request);

        var cancellationToken = http.HttpContext.RequestAborted;

        var (fields, failure) = await StaffBody.ReadAsync(http);
        if (failure is not null)
        {
            return failure;
        }

        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var note = fields.GetValueOrDefault("note")?.Trim();
        if (string.IsNullOrEmpty(note) || note.Length > 2000)
        {
            errors["note"] = ["Required: what was done (at most 2000 characters)."];
        }

        var confirmation = ParseConfirmation(fields, "staff", errors);
        var attachment = ParseAttachment(fields, errors);
        var action = ConnectorActions.For(request.Type);
        var records = AttachedRecords.Parse(fields, action, errors);
        if (errors.Count > 0)
        {
            return Problems.Validation(errors);
        }

        string? path = null;
        if (attachment is { } file)
        {
            path = $"{requestId}/{storeId}/{file.Name}";
            var container = storage.Blobs.GetBlobContainerClient(AttachmentsContainer);
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await container.GetBlobClient(path).UploadAsync(new BinaryData(file.Content), overwrite: true, cancellationToken);
        }

        await audit.AppendAsync(staff, StaffActions.ManualStepDone, requestId, storeId, cancellationToken);
        return await ConfirmAsync(requestId, storeId, action, confirmation!, note, path, records, client, cancellationToken);
    }

    private async Task<IResult> ConfirmAsync(
        string requestId, string storeId, ConnectorAction action, StoreConfirmation confirmation, string? note, string? attachmentPath,
        System.Text.Json.Nodes.JsonArray? records, DurableTaskClient client, CancellationToken cancellationToken) =>
        await ConfirmPartAsync(requestId, storeId, action, confirmation, note, attachmentPath, client, cancellationToken, records) switch
        {
            ConfirmResult.Confirmed => Results.Accepted(value: new ConfirmationResponse(requestId, storeId, "confirmed")),
            ConfirmResult.AlreadyConfirmed => Results.Ok(new ConfirmationResponse(requestId, storeId, "already-confirmed")),
            _ => Problems.Status(StatusCodes.Status404NotFound, "Nothing waiting", "No step of this request is waiting for this confirmation."),
        };

    /// <summary>
    /// Records the first confirmation of a waiting part and tells its orchestration. Attached records are written to the
    /// exports first, under a name of their own content, so a losing concurrent confirmation cannot replace the winner's.
    /// </summary>
    internal async Task<ConfirmResult> ConfirmPartAsync(
        string requestId, string storeId, ConnectorAction action, StoreConfirmation confirmation, string? note, string? attachmentPath,
        DurableTaskClient client, CancellationToken cancellationToken, System.Text.Json.Nodes.JsonArray? records = null)
    {
        var part = await waiting.FindAsync(requestId, storeId, action, cancellationToken);
        if (part is null || part.WaitingOn != confirmation.ConfirmedBy)
        {
            return ConfirmResult.NothingWaiting;
        }

        if (part.Confirmed)
        {
            return ConfirmResult.AlreadyConfirmed;
        }

        if (records is { Count: > 0 })
        {
            var path = await exports.WriteAttachedAsync(requestId, dataMap.Value.Get(storeId), records, cancellationToken);
            confirmation = confirmation with { ArtifactPath = path, RecordsAffected = Math.Max(confirmation.RecordsAffected, records.Count) };
        }

        if (!await waiting.ConfirmAsync(part, confirmation.ConfirmedBy, confirmation.Kind, confirmation.RecordsAffected, note, attachmentPath, cancellationToken))
        {
            return ConfirmResult.AlreadyConfirmed;
        }

        await client.RaiseEventAsync(requestId, DsrEvents.StoreConfirmed(storeId), confirmation with { ConfirmationId = part.Action }, cancellationToken);
        return ConfirmResult.Confirmed;
    }

    /// <summary>
    /// A signed JSON post from a partner or a Client: its fields and the request id in them (an error when malformed), or
    /// the answer to give instead (401 bad signature, stale timestamp or unknown signer; 409 replayed; 400 or 415 body).
    /// </summary>
    /// <param name="signer">The replay table's partition for this signer.</param>
    internal async Task<(Dictionary<string, string?> Fields, string? RequestId, Dictionary<string, List<string>> Errors, IResult? Failure)> ReadSignedAsync(
        HttpRequest http, string signer, string? secret, string signerKind)
    {
        var cancellationToken = http.HttpContext.RequestAborted;
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var text = BoundedBody.KindOf(http) == BodyKind.Json ? await BoundedBody.ReadAsync(http, cancellationToken) : null;
        var signature = http.Headers[PartnerSignature.SignatureHeader].ToString();
        if (text is null || secret is null || !PartnerSignature.IsValid(secret, http.Headers[PartnerSignature.TimestampHeader], signature, text, clock.GetUtcNow()))
        {
            return ([], null, errors, Problems.Status(
                StatusCodes.Status401Unauthorized, "Bad signature", $"The request is not signed with this {signerKind}'s key, or its timestamp is stale."));
        }

        if (!await FirstSightingAsync(signer, signature, cancellationToken))
        {
            return ([], null, errors, Problems.Status(StatusCodes.Status409Conflict, "Replayed", "This signed message was received before."));
        }

        var (fields, failure) = await StaffBody.ReadAsync(http, text);
        var requestId = fields.GetValueOrDefault("requestId");
        if (failure is null && !RequestId.IsWellFormed(requestId))
        {
            errors["requestId"] = ["Required: the request id sent to you."];
        }

        return (fields, requestId, errors, failure);
    }

    private async Task<bool> FirstSightingAsync(string partnerId, string signature, CancellationToken cancellationToken)
    {
        var table = storage.Tables.GetTableClient(ReplaysTable);
        await table.CreateIfNotExistsAsync(cancellationToken);
        try
        {
            var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(signature)));
            await table.AddEntityAsync(new TableEntity(partnerId, digest) { ["SeenAt"] = clock.GetUtcNow() }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    internal static ConnectorAction? ParseAction(string? value, Dictionary<string, List<string>> errors)
    {
        ConnectorAction? action = value switch
        {
            "access" or "export" => ConnectorAction.Export,
            "rectify" => ConnectorAction.Rectify,
            "erase" => ConnectorAction.Erase,
            "suppress" => ConnectorAction.Suppress,
            _ => null,
        };
        if (action is null)
        {
            errors["action"] = ["Required: access, rectify, erase or suppress."];
        }

        return action;
    }

    internal static StoreConfirmation? ParseConfirmation(Dictionary<string, string?> fields, string confirmedBy, Dictionary<string, List<string>> errors)
    {
        OutcomeKind? kind = (fields.GetValueOrDefault("outcome") ?? "done") switch
        {
            "done" => OutcomeKind.Done,
            "nothing-found" => OutcomeKind.NothingFound,
            "retained" => OutcomeKind.Retained,
            _ => null,
        };
        if (kind is null)
        {
            errors["outcome"] = ["One of done, nothing-found, retained."];
        }

        var count = 0;
        if (fields.GetValueOrDefault("recordsAffected") is { } text && !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count > 1_000_000)
        {
            errors["recordsAffected"] = ["A whole number from 0 to 1000000."];
        }

        return kind is null ? null : new StoreConfirmation(kind.Value, count, "", confirmedBy);
    }

    private static (string Name, byte[] Content)? ParseAttachment(Dictionary<string, string?> fields, Dictionary<string, List<string>> errors)
    {
        var name = fields.GetValueOrDefault("attachmentName");
        var data = fields.GetValueOrDefault("attachmentBase64");
        if (name is null && data is null)
        {
            return null;
        }

        var content = new byte[MaxAttachmentBytes + 1];
        if (name is null || name.Length > 100 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-') || name.StartsWith('.'))
        {
            errors["attachmentName"] = ["Required with an attachment: 1-100 letters, digits and . _ - (not starting with '.')."];
        }
        else if (data is null || !Convert.TryFromBase64String(data, content, out var length) || length > MaxAttachmentBytes)
        {
            errors["attachmentBase64"] = [$"Required with attachmentName: base64 of at most {MaxAttachmentBytes / 1024} KB."];
        }
        else
        {
            return (name, content[..length]);
        }

        return null;
    }
}

public sealed record ConfirmationResponse(string RequestId, string StoreId, string Status);

internal enum ConfirmResult
{
    Confirmed,
    AlreadyConfirmed,
    NothingWaiting,
}

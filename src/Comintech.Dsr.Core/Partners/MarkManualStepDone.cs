namespace Comintech.Dsr.Partners;

/// <summary>
/// Staff mark a manual step of a request done: the attachment (if any) is kept beside the request, the audit row
/// written, and the waiting part confirmed with the note.
/// </summary>
public sealed class MarkManualStepDone(DsrStorage storage, StaffAuditLog audit, WaitingPartConfirmations confirmations)
{
    public async Task<UseCaseResult<ConfirmResult>> MarkDoneAsync(
        DsrRequest request, string storeId, ManualStepBody step, StaffPrincipal staff, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var action = ConnectorActions.For(request.Type);
        if (step.Records is not null && action != ConnectorAction.Export)
        {
            return UseCaseFailure.Invalid(AttachedRecords.Field, AttachedRecords.OnlyForAccess);
        }

        string? path = null;
        if (step.Attachment is { } file)
        {
            path = $"{request.Id}/{storeId}/{file.Name}";
            var container = storage.Blobs.GetBlobContainerClient(DsrStorage.StaffAttachmentsContainer);
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await container.GetBlobClient(path).UploadAsync(new BinaryData(file.Content), overwrite: true, cancellationToken);
        }

        await audit.AppendAsync(staff, StaffActions.ManualStepDone, request.Id, storeId, cancellationToken);
        var result = await confirmations.ConfirmAsync(
            request.Id, storeId, action, step.Confirmation.By("staff"), step.Note, path, client, cancellationToken, step.Records);
        return result == ConfirmResult.NothingWaiting ? NothingWaiting() : result;
    }

    public static UseCaseFailure NothingWaiting() =>
        UseCaseFailure.NotFound("Nothing waiting", "No step of this request is waiting for this confirmation.");
}

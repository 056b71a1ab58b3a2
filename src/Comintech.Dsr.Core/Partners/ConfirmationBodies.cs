namespace Comintech.Dsr.Partners;

/// <summary>What a partner, a Client or staff confirm of a waiting part: <c>outcome</c> (done, nothing-found, retained; done when left out) and <c>recordsAffected</c>.</summary>
public sealed record ConfirmationBody(OutcomeKind Kind, int RecordsAffected) : IRequestBody<ConfirmationBody>
{
    public const int MaxRecordsAffected = 1_000_000;

    public static ConfirmationBody? Read(BodyFields fields, Dictionary<string, List<string>> errors)
    {
        OutcomeKind? kind = (fields.Text("outcome", errors) ?? "done") switch
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
        if (fields.Text("recordsAffected", errors) is { } text && !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count > MaxRecordsAffected)
        {
            errors["recordsAffected"] = [$"A whole number from 0 to {MaxRecordsAffected}."];
        }

        return kind is null ? null : new ConfirmationBody(kind.Value, count);
    }

    public StoreConfirmation By(string confirmedBy) => new(Kind, RecordsAffected, "", confirmedBy);

    /// <summary>The action a confirmation is about, as partners and links name it: access (or export), rectify, erase, suppress.</summary>
    public static ConnectorAction? ParseAction(string? value) => value switch
    {
        "access" or "export" => ConnectorAction.Export,
        "rectify" => ConnectorAction.Rectify,
        "erase" => ConnectorAction.Erase,
        "suppress" => ConnectorAction.Suppress,
        _ => null,
    };
}

/// <summary>A partner's signed confirmation: <c>{requestId, action, outcome, recordsAffected, records?}</c>; for access, <c>records</c> (see <see cref="AttachedRecords"/>) join the person's package.</summary>
public sealed record PartnerConfirmationBody(string RequestId, ConnectorAction Action, ConfirmationBody Confirmation, JsonArray? Records)
    : IRequestBody<PartnerConfirmationBody>
{
    public static PartnerConfirmationBody? Read(BodyFields fields, Dictionary<string, List<string>> errors)
    {
        var requestId = SignedAnswerBody.ReadRequestId(fields, errors);
        var action = ConfirmationBody.ParseAction(fields.Text("action", errors));
        if (action is null)
        {
            errors["action"] = ["Required: access, rectify, erase or suppress."];
        }

        var confirmation = ConfirmationBody.Read(fields, errors);
        var records = AttachedRecords.Parse(fields, action, errors);
        return errors.Count > 0 ? null : new PartnerConfirmationBody(requestId!, action!.Value, confirmation!, records);
    }
}

/// <summary>
/// Staff mark a manual step done: <c>{note, outcome?, recordsAffected?, attachmentName?, attachmentBase64?, records?}</c>;
/// for access, <c>records</c> (see <see cref="AttachedRecords"/>) join the person's package.
/// </summary>
public sealed record ManualStepBody(string Note, ConfirmationBody Confirmation, ManualStepAttachment? Attachment, JsonArray? Records)
    : IRequestBody<ManualStepBody>
{
    public const int MaxNoteLength = 2000;
    public const int MaxAttachmentBytes = 40 * 1024;

    public static ManualStepBody? Read(BodyFields fields, Dictionary<string, List<string>> errors)
    {
        var note = fields.Text("note", errors);
        if (note is null || note.Length > MaxNoteLength)
        {
            errors["note"] = [$"Required: what was done (at most {MaxNoteLength} characters)."];
        }

        var confirmation = ConfirmationBody.Read(fields, errors);
        var attachment = ReadAttachment(fields, errors);
        var records = AttachedRecords.Parse(fields, null, errors);
        return errors.Count > 0 ? null : new ManualStepBody(note!, confirmation!, attachment, records);
    }

    private static ManualStepAttachment? ReadAttachment(BodyFields fields, Dictionary<string, List<string>> errors)
    {
        var name = fields.Raw("attachmentName");
        var data = fields.Raw("attachmentBase64");
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
            return new ManualStepAttachment(name, content[..length]);
        }

        return null;
    }
}

public sealed record ManualStepAttachment(string Name, byte[] Content);

/// <summary>A Client's signed answer to a forwarded request: <c>{requestId, outcome, recordsAffected}</c>.</summary>
public sealed record SignedAnswerBody(string RequestId, ConfirmationBody Confirmation) : IRequestBody<SignedAnswerBody>
{
    public static SignedAnswerBody? Read(BodyFields fields, Dictionary<string, List<string>> errors)
    {
        var requestId = ReadRequestId(fields, errors);
        var confirmation = ConfirmationBody.Read(fields, errors);
        return errors.Count > 0 ? null : new SignedAnswerBody(requestId!, confirmation!);
    }

    /// <summary>The request id a signed post is about: the one sent to the partner or Client.</summary>
    internal static string? ReadRequestId(BodyFields fields, Dictionary<string, List<string>> errors)
    {
        var requestId = fields.Text("requestId", errors);
        if (!Domain.RequestId.IsWellFormed(requestId))
        {
            errors["requestId"] = ["Required: the request id sent to you."];
        }

        return requestId;
    }
}

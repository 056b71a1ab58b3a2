using Comintech.Dsr.Domain;
using Comintech.Dsr.Intake;
using MimeKit;

namespace Comintech.Dsr.Inbox;

/// <summary>What the inbox established about one message on its way to a request.</summary>
internal sealed record InboundFacts(
    InboundDelivery Delivery,
    string Key,
    string RawBlob,
    ParsedMail Mail,
    MailClassification Classification,
    Receipt Receipt,
    SenderAuthentication Authentication,
    string AddressHash)
{
    /// <summary>The evidence of the message: how it came, what it was read as, and how its sender checked out. No personal data.</summary>
    public object Evidence() => new
    {
        path = Delivery.Path,
        messageKey = Key,
        rawBlob = RawBlob,
        hasMessageId = Mail.MessageId is not null,
        receivedAt = Receipt.At,
        receiptSource = Receipt.Source,
        arrivedAt = Delivery.ArrivedAt,
        classification = Classification.WireName,
        language = Classification.Language,
        attachments = Mail.Attachments,
        spf = Authentication.Spf,
        dkim = Authentication.Dkim,
        dmarc = Authentication.Dmarc,
    };
}

/// <summary>The requester as an e-mail names them: the From address (where the code goes) and its display name.</summary>
internal static class InboundRequester
{
    public static DataSubject From(MailboxAddress sender)
    {
        var name = new string((sender.Name ?? "").Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length == 0)
        {
            name = sender.Address.Split('@')[0];
        }

        return new DataSubject(sender.Address, name.Length > RequestSubmissionValidator.MaxNameLength ? name[..RequestSubmissionValidator.MaxNameLength] : name, null);
    }

    /// <summary>The subject and text for staff, within the details limit.</summary>
    public static string Details(ParsedMail mail)
    {
        var details = $"Subject: {mail.Subject}\n\n{mail.Text}";
        return details.Length > RequestSubmissionValidator.MaxDetailsLength ? details[..RequestSubmissionValidator.MaxDetailsLength] : details;
    }
}

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
    public T Evidence<T>()
        where T : InboundMailEvidence, new() => new()
    {
        Path = Delivery.Path,
        MessageKey = Key,
        RawBlob = RawBlob,
        HasMessageId = Mail.MessageId is not null,
        ReceivedAt = Receipt.At,
        ReceiptSource = Receipt.Source,
        ArrivedAt = Delivery.ArrivedAt,
        Classification = Classification.WireName,
        SuggestedClassification = Classification.SuggestedName,
        Confidence = Math.Round(Classification.Confidence, 3),
        ClassifiedBy = Classification.Source,
        Language = Classification.Language,
        Attachments = Mail.Attachments,
        Spf = Authentication.Spf,
        Dkim = Authentication.Dkim,
        Dmarc = Authentication.Dmarc,
    };
}

/// <summary>The requester as an e-mail names them: the From address (where the code goes) and its display name.</summary>
internal static partial class InboundRequester
{
    /// <summary>
    /// An account id the message names ("account id: ACC-1002", "cuenta ACC-1002", "conta nº ACC-1002"): the person's
    /// claim, bound to them only if the system of record agrees after the code is verified. A candidate holds a digit.
    /// </summary>
    public static string? AccountIdIn(ParsedMail mail)
    {
        foreach (Match match in AccountIdPattern().Matches($"{mail.Subject}\n{mail.Text}"))
        {
            var candidate = match.Groups["id"].Value.TrimEnd('.', '-', '_');
            if (candidate.Any(char.IsAsciiDigit) && RequestSubmissionValidator.IsAccountId(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static DataSubject From(MailboxAddress sender, string? accountId = null)
    {
        var name = new string((sender.Name ?? "").Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (name.Length == 0)
        {
            name = sender.Address.Split('@')[0];
        }

        return new DataSubject(sender.Address, name.Length > RequestSubmissionValidator.MaxNameLength ? name[..RequestSubmissionValidator.MaxNameLength] : name, accountId);
    }

    /// <summary>The subject and text for staff, within the details limit.</summary>
    public static string Details(ParsedMail mail)
    {
        var details = $"Subject: {mail.Subject}\n\n{mail.Text}";
        return details.Length > RequestSubmissionValidator.MaxDetailsLength ? details[..RequestSubmissionValidator.MaxDetailsLength] : details;
    }

    [GeneratedRegex(@"\b(?:account|acct|cuenta|conta)\s*(?:id|number|no\.?|n[º°o]\.?|n[úu]mero)?\s*[:#]?\s*(?<id>[A-Za-z0-9][A-Za-z0-9._-]{2,63})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 200)]
    private static partial Regex AccountIdPattern();
}

using System.Net.Mail;

namespace Comintech.Dsr.Intake;

/// <summary>A request as submitted and validated, before it is stored.</summary>
public sealed record RequestSubmission(
    RequestType Type,
    DataSubject Subject,
    Jurisdiction Jurisdiction,
    string Language,
    string? Details,
    IReadOnlyDictionary<string, string> Corrections);

/// <summary>
/// Validates the submitted fields. Every problem is reported against the field it concerns, in the wire names
/// (type, email, fullName, jurisdiction, accountId, language, details, corrections).
/// </summary>
public static class RequestSubmissionValidator
{
    public const int MaxEmailLength = 254;
    public const int MaxNameLength = 200;
    public const int MaxAccountIdLength = 64;
    public const int MaxDetailsLength = 4000;
    public const int MaxCorrections = 20;
    public const int MaxCorrectionValueLength = 500;

    public static bool IsAccountId(string value) =>
        value.Length is > 0 and <= MaxAccountIdLength && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    public static RequestSubmission? Validate(
        IReadOnlyDictionary<string, string?> fields,
        IReadOnlyDictionary<string, string> corrections,
        Dictionary<string, List<string>> errors)
    {
        string? Field(string name) => fields.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        void Error(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        var typeText = Field("type");
        var type = default(RequestType);
        if (typeText is null)
        {
            Error("type", "Required: access, correction, deletion, optout or donotsell.");
        }
        else if (!WireNames.TryParseRequestType(typeText, out type))
        {
            Error("type", "Must be access, correction, deletion, optout or donotsell.");
        }

        var email = Field("email");
        if (email is null)
        {
            Error("email", "Required.");
        }
        else if (!IsEmail(email))
        {
            Error("email", "Is not a valid e-mail address.");
        }

        // An opt-out of sale/sharing asks for no more than needed to act on it (regulations §7026(c)): the address is enough.
        var fullName = Field("fullName") ?? (typeText is not null && type == RequestType.SaleSharingOptOut && email is not null && IsEmail(email) ? email : null);
        if (fullName is null)
        {
            Error("fullName", "Required.");
        }
        else if (fullName.Length > MaxNameLength || fullName.Any(char.IsControl))
        {
            Error("fullName", $"Must be at most {MaxNameLength} characters, without control characters.");
        }

        if (!WireNames.TryParseJurisdiction(Field("jurisdiction"), out var jurisdiction))
        {
            Error("jurisdiction", "Must be GDPR or CCPA.");
        }

        var accountId = Field("accountId");
        if (accountId is not null && !IsAccountId(accountId))
        {
            Error("accountId", $"Must be at most {MaxAccountIdLength} letters, digits, '-', '_' or '.'.");
        }

        var language = Field("language")?.ToLowerInvariant() ?? Languages.English;
        if (!Languages.IsSupported(language))
        {
            Error("language", "Must be en, es or pt.");
        }

        var details = Field("details");
        if (details?.Length > MaxDetailsLength)
        {
            Error("details", $"Must be at most {MaxDetailsLength} characters.");
        }

        var cleanCorrections = ValidateCorrections(type, typeText is not null, corrections, Error);

        if (errors.Count > 0)
        {
            return null;
        }

        return new RequestSubmission(type, new DataSubject(email!, fullName!, accountId), jurisdiction, language, details, cleanCorrections);
    }

    private static Dictionary<string, string> ValidateCorrections(
        RequestType type, bool typeGiven, IReadOnlyDictionary<string, string> corrections, Action<string, string> error) =>
        typeGiven && type == RequestType.Correction ? ValidateCorrections(corrections, error) : new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Field names and new values of a correction, with the same rules on every channel; problems go to <paramref name="error"/>.</summary>
    public static Dictionary<string, string> ValidateCorrections(IReadOnlyDictionary<string, string> corrections, Action<string, string> error)
    {
        var clean = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var (field, value) in corrections)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }

            if (field.Length is 0 or > 40 || !char.IsAsciiLetter(field[0]) || !field.All(char.IsAsciiLetterOrDigit))
            {
                error("corrections", $"Field names must be 1-40 letters or digits, starting with a letter.");
            }
            else if (value.Length > MaxCorrectionValueLength || value.Any(char.IsControl))
            {
                error($"corrections.{field}", $"Must be at most {MaxCorrectionValueLength} characters, without control characters.");
            }
            else
            {
                clean[field] = value.Trim();
            }
        }

        if (clean.Count == 0)
        {
            error("corrections", "A correction request needs at least one field with its new value.");
        }
        else if (clean.Count > MaxCorrections)
        {
            error("corrections", $"At most {MaxCorrections} fields per request.");
        }

        return clean;
    }

    public static bool IsEmail(string value)
    {
        if (value.Length > MaxEmailLength || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return false;
        }

        if (!MailAddress.TryCreate(value, out var address) || address.Address != value || address.DisplayName.Length > 0)
        {
            return false;
        }

        var domain = address.Host;
        return domain.Contains('.', StringComparison.Ordinal) && !domain.StartsWith('.') && !domain.EndsWith('.');
    }
}

namespace Comintech.Dsr.Domain;

/// <summary>The lower-case names the API uses for request types.</summary>
public static class WireNames
{
    public static string ToWire(this RequestType type) => type switch
    {
        RequestType.Access => "access",
        RequestType.Correction => "correction",
        RequestType.Deletion => "deletion",
        RequestType.OptOut => "optout",
        RequestType.SaleSharingOptOut => "donotsell",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static bool TryParseRequestType(string? value, out RequestType type)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "access": type = RequestType.Access; return true;
            case "correction": type = RequestType.Correction; return true;
            case "deletion": type = RequestType.Deletion; return true;
            case "optout" or "opt-out": type = RequestType.OptOut; return true;
            case "donotsell" or "do-not-sell" or "optout-sale": type = RequestType.SaleSharingOptOut; return true;
            default: type = default; return false;
        }
    }

    public static bool TryParseJurisdiction(string? value, out Jurisdiction jurisdiction)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            jurisdiction = Jurisdiction.GDPR;
            return true;
        }

        switch (value.Trim().ToUpperInvariant())
        {
            case "GDPR": jurisdiction = Jurisdiction.GDPR; return true;
            case "CCPA": jurisdiction = Jurisdiction.CCPA; return true;
            default: jurisdiction = default; return false;
        }
    }
}

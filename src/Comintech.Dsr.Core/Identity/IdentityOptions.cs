namespace Comintech.Dsr.Identity;

/// <summary>Settings under <c>Dsr:Identity</c>: which requests need a proof stronger than the e-mail code, and the control-panel link key.</summary>
public sealed class IdentityOptions
{
    public const string Section = "Dsr:Identity";

    /// <summary>
    /// Entries <c>type</c> or <c>type/jurisdiction</c> (e.g. <c>deletion</c>, <c>correction/CCPA</c>) for which an account id
    /// binds only at tier 2 (control-panel link or staff), never by the e-mail code alone. Empty (the default): an account
    /// whose record holds the verified address binds at tier 1.
    /// </summary>
    public List<string> Tier2RequiredFor { get; set; } = [];

    /// <summary>Key shared with the control panel to sign identity links (at least 32 characters). Empty: no such links are accepted.</summary>
    public string? ControlPanelKey { get; set; }

    /// <summary>The longest validity a control-panel link may claim; links expiring later are refused.</summary>
    public TimeSpan MaxLinkLifetime { get; set; } = TimeSpan.FromDays(1);

    public IEnumerable<string> Validate()
    {
        foreach (var entry in Tier2RequiredFor)
        {
            if (!TryParse(entry, out _, out _))
            {
                yield return $"Dsr:Identity:Tier2RequiredFor: '{entry}' must be a request type (access, correction, deletion, optout), optionally followed by /GDPR or /CCPA.";
            }
        }

        if (ControlPanelKey is { Length: > 0 and < 32 })
        {
            yield return "Dsr:Identity:ControlPanelKey must be at least 32 characters.";
        }

        if (MaxLinkLifetime <= TimeSpan.Zero || MaxLinkLifetime > TimeSpan.FromDays(30))
        {
            yield return "Dsr:Identity:MaxLinkLifetime must be between 0 and 30 days.";
        }
    }

    public bool IsTier2Required(RequestType type, Jurisdiction jurisdiction) =>
        Tier2RequiredFor.Any(entry => TryParse(entry, out var t, out var j) && t == type && (j is null || j == jurisdiction));

    private static bool TryParse(string entry, out RequestType type, out Jurisdiction? jurisdiction)
    {
        var parts = entry.Split('/', StringSplitOptions.TrimEntries);
        jurisdiction = null;
        if (parts.Length is < 1 or > 2 || !WireNames.TryParseRequestType(parts[0], out type))
        {
            type = default;
            return false;
        }

        if (parts.Length == 2)
        {
            if (parts[1].Length == 0 || !WireNames.TryParseJurisdiction(parts[1], out var parsed))
            {
                return false;
            }

            jurisdiction = parsed;
        }

        return true;
    }
}

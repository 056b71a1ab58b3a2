namespace Comintech.Dsr.Notifications;

/// <summary>
/// The supervisory authority each law's notices name (<c>Dsr:Notices</c>). GDPR: the authority Comintech names
/// (left empty, the notice names the authority of the person's own member state); CCPA: the California Privacy
/// Protection Agency.
/// </summary>
public sealed class NoticeOptions
{
    public const string Section = "Dsr:Notices";

    public static NoticeOptions Default { get; } = new();

    public AuthorityContact Gdpr { get; set; } = new();

    public AuthorityContact Ccpa { get; set; } = new() { Name = "California Privacy Protection Agency (CPPA)", Url = "https://cppa.ca.gov" };

    public AuthorityContact For(Jurisdiction jurisdiction) => jurisdiction == Jurisdiction.CCPA ? Ccpa : Gdpr;
}

public sealed class AuthorityContact
{
    /// <summary>The authority's name as the notice gives it; empty: a general reference.</summary>
    public string? Name { get; set; }

    /// <summary>Where a complaint is made.</summary>
    public string? Url { get; set; }

    public string? Named => string.IsNullOrWhiteSpace(Name) ? null : string.IsNullOrWhiteSpace(Url) ? Name.Trim() : $"{Name.Trim()}, {Url.Trim()}";
}

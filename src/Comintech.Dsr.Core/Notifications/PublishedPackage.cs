namespace Comintech.Dsr.Notifications;

/// <summary>Non-personal facts of a published package; the link is a bearer secret, so it goes only into the e-mail.</summary>
public sealed record PublishedPackage(string Link, DateTimeOffset ExpiresAt);

namespace Comintech.Dsr.Domain;

/// <summary>How strongly the person is known: tier 1 = the e-mail code; tier 2 = the code plus a stronger proof.</summary>
public enum IdentityTier
{
    EmailCode = 1,
    StrongProof = 2,
}

/// <summary>What tied an account id to the verified person.</summary>
public enum BindingSource
{
    /// <summary>The account's system of record holds the verified e-mail address (tier 1).</summary>
    Record,

    /// <summary>A signed link from the control panel, where the customer was signed in (tier 2).</summary>
    ControlPanel,

    /// <summary>Staff matched further data points on record (tier 2, audited).</summary>
    Staff,
}

/// <summary>Why a named account id was not used. The person is told the same words for every reason.</summary>
public enum UnboundReason
{
    /// <summary>No system of record ties the account to the verified address (the account may not exist, or be someone else's).</summary>
    NotLinked,

    /// <summary>Policy asks for a tier-2 proof for this type of request and none was given.</summary>
    StrongerProofRequired,
}

/// <summary>
/// The identity resolution of one request, kept in the request store. Only <see cref="BoundAccountId"/> ever reaches a
/// connector; an unbound account id stays on the request for staff and is never searched.
/// </summary>
public sealed record IdentityState(IdentityTier Tier, string? BoundAccountId, BindingSource? BoundBy, UnboundReason? Unbound)
{
    public static IdentityState EmailOnly { get; } = new(IdentityTier.EmailCode, null, null, null);

    public static IdentityState ProvenBy(BindingSource source, string accountId) =>
        new(source == BindingSource.Record ? IdentityTier.EmailCode : IdentityTier.StrongProof, accountId, source, null);

    public bool IsStrongProof => BoundBy is BindingSource.ControlPanel or BindingSource.Staff && BoundAccountId is not null;
}

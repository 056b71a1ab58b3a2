namespace Comintech.Dsr.Evidence.Events;

/// <summary>Which tier the person reached and how an account id (if any) was bound; no identifier in clear.</summary>
public sealed record IdentityResolved(int Tier, string Method, bool AccountIdGiven, bool AccountBound, BindingSource? BoundBy, bool Tier2Required) : EvidenceEvent(EvidenceEvents.IdentityResolved)
{
    public static EvidenceKey Key => new("identity");

    public static IdentityResolved From(IdentityState identity, bool accountIdGiven, bool tier2Required) => new(
        (int)identity.Tier,
        identity.BoundBy switch
        {
            BindingSource.ControlPanel => "e-mail code + control-panel link",
            BindingSource.Staff => "e-mail code + staff check of data on record",
            _ => "e-mail code",
        },
        accountIdGiven,
        identity.BoundAccountId is not null,
        identity.BoundBy,
        tier2Required);
}

/// <summary>An account id the person gave was not bound to them and is not searched: its keyed hash and why.</summary>
public sealed record IdentityUnbound : EvidenceEvent
{
    private IdentityUnbound(string valueHash, UnboundReason reason)
        : base(EvidenceEvents.IdentityUnbound) => (ValueHash, Reason) = (valueHash, reason);

    public static IdentityUnbound AccountId(string valueHash, UnboundReason reason) => new(valueHash, reason);

    public string Identifier => "accountId";

    public string ValueHash { get; }

    public UnboundReason Reason { get; }

    public static EvidenceKey Key => new("identity-unbound");
}

/// <summary>An account id bound later at tier 2 (control-panel link, staff), with its keyed hash.</summary>
public sealed record IdentityBound : EvidenceEvent
{
    private IdentityBound(int tier, BindingSource boundBy, string valueHash)
        : base(EvidenceEvents.IdentityBound) => (Tier, BoundBy, ValueHash) = (tier, boundBy, valueHash);

    public static IdentityBound AccountId(IdentityTier tier, BindingSource boundBy, string valueHash) => new((int)tier, boundBy, valueHash);

    public int Tier { get; }

    public BindingSource BoundBy { get; }

    public string Identifier => "accountId";

    public string ValueHash { get; }

    public static EvidenceKey Key(BindingSource by, string valueHash) => new($"identity-bound:{by}:{valueHash[..16]}");
}

/// <summary>The stores found by account were run again for an account bound after fulfilment: their outcomes and the notice's key.</summary>
public sealed record IdentityRerunCompleted(string Run, IReadOnlyList<StoreTally> Stores, string Notice) : EvidenceEvent(EvidenceEvents.IdentityRerunCompleted)
{
    public static EvidenceKey Key(string runId) => new("identity-rerun:" + runId);
}

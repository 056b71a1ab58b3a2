namespace Comintech.Dsr.Identity;

/// <summary>An account row of a system of record: its id and the e-mail address it holds.</summary>
public sealed record AccountRecord(string AccountId, string? Email);

/// <summary>The binding rules, pure: which account id a verified request may use.</summary>
public static class IdentityBindingRules
{
    /// <param name="verifiedEmail">The address the code proved control of.</param>
    /// <param name="namedAccountId">The account id the person gave, if any.</param>
    /// <param name="proven">A tier-2 binding already recorded (control-panel link, staff), kept as it is.</param>
    /// <param name="tier2Required">Policy: this request type needs tier 2 for account data.</param>
    /// <param name="records">The system-of-record rows found for <paramref name="namedAccountId"/> (none when there is no such store).</param>
    public static IdentityState Decide(
        string verifiedEmail, string? namedAccountId, IdentityState? proven, bool tier2Required, IReadOnlyList<AccountRecord> records)
    {
        if (proven is { IsStrongProof: true })
        {
            return proven;
        }

        if (namedAccountId is null)
        {
            return IdentityState.EmailOnly;
        }

        if (tier2Required)
        {
            return IdentityState.EmailOnly with { Unbound = UnboundReason.StrongerProofRequired };
        }

        var binds = records.Any(r => string.Equals(r.AccountId, namedAccountId, StringComparison.Ordinal) && EmailAddresses.SameMailbox(r.Email, verifiedEmail));
        return binds ? IdentityState.ProvenBy(BindingSource.Record, namedAccountId) : IdentityState.EmailOnly with { Unbound = UnboundReason.NotLinked };
    }
}

namespace Comintech.Dsr.Identity;

/// <summary>
/// Runs once the code is verified, before any store is touched: decides which identifiers are bound to the verified
/// person, keeps the decision on the request (connectors read only the bound subject) and records it as evidence,
/// with an unbound account id as a keyed hash only.
/// </summary>
public sealed class IdentityResolver(
    RequestStore requests, AccountRecordLookup accounts, EvidenceLedger evidence, IdentifierHasher hasher, IOptions<IdentityOptions> options)
{
    public async Task<DsrRequest> ResolveAsync(DsrRequest request, CancellationToken cancellationToken)
    {
        var named = request.Subject.AccountId;
        var tier2Required = options.Value.IsTier2Required(request.Type, request.Jurisdiction);
        var needsLookup = named is not null && !tier2Required && request.Identity is not { IsStrongProof: true };
        var records = needsLookup ? await accounts.FindAsync(named!, cancellationToken) : [];
        var identity = IdentityBindingRules.Decide(request.Subject.Email, named, request.Identity, tier2Required, records);
        if (identity != request.Identity)
        {
            await requests.SetIdentityAsync(request.Id, identity, cancellationToken);
        }

        await evidence.AppendAsync(
            request.Id, IdentityResolved.Key, IdentityResolved.From(identity, accountIdGiven: named is not null, tier2Required), cancellationToken: cancellationToken);
        if (identity.Unbound is { } reason)
        {
            await evidence.AppendAsync(
                request.Id, IdentityUnbound.Key, IdentityUnbound.AccountId(hasher.Hash(named!), reason), cancellationToken: cancellationToken);
        }

        return request with { Identity = identity };
    }
}

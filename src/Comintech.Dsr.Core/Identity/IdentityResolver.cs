namespace Comintech.Dsr.Identity;

/// <summary>
/// Runs once the code is verified, before any store is touched: decides which identifiers are bound to the verified
/// person and records it as evidence, with an unbound account id as a keyed hash only. The caller keeps the decision on
/// the request (<see cref="RequestStore.StartFulfilmentAsync"/>): connectors read only the bound subject.
/// </summary>
public sealed class IdentityResolver(AccountRecordLookup accounts, EvidenceLedger evidence, IdentifierHasher hasher, IOptions<IdentityOptions> options)
{
    /// <returns>The request with the identity decided (<see cref="DsrRequest.Identity"/>), not yet written to its row.</returns>
    public async Task<DsrRequest> ResolveAsync(DsrRequest request, CancellationToken cancellationToken)
    {
        var named = request.Subject.AccountId;
        var tier2Required = options.Value.IsTier2Required(request.Type, request.Jurisdiction);
        var needsLookup = named is not null && !tier2Required && request.Identity is not { IsStrongProof: true };
        var records = needsLookup ? await accounts.FindAsync(named!, cancellationToken) : [];
        var identity = IdentityBindingRules.Decide(request.Subject.Email, named, request.Identity, tier2Required, records);
        List<(EvidenceKey, EvidenceEvent)> links = [(IdentityResolved.Key, IdentityResolved.From(identity, accountIdGiven: named is not null, tier2Required))];
        if (identity.Unbound is { } reason)
        {
            links.Add((IdentityUnbound.Key, IdentityUnbound.AccountId(hasher.Hash(named!), reason)));
        }

        await evidence.AppendManyAsync(request.Id, links, cancellationToken);
        return request with { Identity = identity };
    }
}

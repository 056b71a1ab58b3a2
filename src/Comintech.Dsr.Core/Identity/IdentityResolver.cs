using Comintech.Dsr.Domain;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.Hosting;
using Comintech.Dsr.Storage;
using Microsoft.Extensions.Options;

namespace Comintech.Dsr.Identity;

/// <summary>
/// Runs once the code is verified, before any store is touched: decides which identifiers are bound to the verified
/// person, keeps the decision on the request (connectors read only the bound subject) and records it as evidence,
/// with an unbound account id as a keyed hash only.
/// </summary>
public sealed class IdentityResolver(
    RequestStore requests, AccountRecordLookup accounts, EvidenceLedger evidence, IdentifierHasher hasher, IOptions<DsrOptions> options)
{
    public async Task<DsrRequest> ResolveAsync(DsrRequest request, CancellationToken cancellationToken)
    {
        var named = request.Subject.AccountId;
        var tier2Required = options.Value.Identity.IsTier2Required(request.Type, request.Jurisdiction);
        var needsLookup = named is not null && !tier2Required && request.Identity is not { IsStrongProof: true };
        var records = needsLookup ? await accounts.FindAsync(named!, cancellationToken) : [];
        var identity = IdentityBindingRules.Decide(request.Subject.Email, named, request.Identity, tier2Required, records);
        if (identity != request.Identity)
        {
            await requests.SetIdentityAsync(request.Id, identity, cancellationToken);
        }

        await evidence.AppendAsync(
            request.Id, "identity", EvidenceEvents.IdentityResolved,
            new
            {
                tier = (int)identity.Tier,
                method = identity.BoundBy switch
                {
                    BindingSource.ControlPanel => "e-mail code + control-panel link",
                    BindingSource.Staff => "e-mail code + staff check of data on record",
                    _ => "e-mail code",
                },
                accountIdGiven = named is not null,
                accountBound = identity.BoundAccountId is not null,
                boundBy = identity.BoundBy?.ToString(),
                tier2Required,
            },
            cancellationToken: cancellationToken);
        if (identity.Unbound is { } reason)
        {
            await evidence.AppendAsync(
                request.Id, "identity-unbound", EvidenceEvents.IdentityUnbound,
                new { identifier = "accountId", valueHash = hasher.Hash(named!), reason = reason.ToString() },
                cancellationToken: cancellationToken);
        }

        return request with { Identity = identity };
    }
}

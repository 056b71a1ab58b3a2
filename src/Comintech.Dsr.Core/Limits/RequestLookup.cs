namespace Comintech.Dsr.Limits;

/// <summary>
/// Finds a request by the id its person was given: its own, or the alias a repeat of an open request got
/// (<see cref="AddressLimits.AddAliasAsync"/>).
/// </summary>
public sealed class RequestLookup(RequestStore requests, AddressLimits limits)
{
    public async Task<DsrRequest?> FindAsync(string id, CancellationToken cancellationToken) =>
        await requests.FindAsync(id, cancellationToken)
        ?? (await limits.ResolveAliasAsync(id, cancellationToken) is { } real ? await requests.FindAsync(real, cancellationToken) : null);
}

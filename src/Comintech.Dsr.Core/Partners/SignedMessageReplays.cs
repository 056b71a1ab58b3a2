namespace Comintech.Dsr.Partners;

/// <summary>
/// The replay ledger of signed posts from partners and Clients (table <c>DsrPartnerReplays</c>): a signature is
/// accepted once; the retention policy removes old rows once their timestamps are stale anyway.
/// </summary>
public sealed class SignedMessageReplays(DsrStorage storage, TimeProvider clock)
{
    /// <param name="signer">The signer's partition (a partner id, or <c>client-</c> and a Client id).</param>
    /// <returns>True the first time this signature is seen for this signer.</returns>
    public async Task<bool> FirstSightingAsync(string signer, string signature, CancellationToken cancellationToken)
    {
        var table = storage.Tables.GetTableClient(DsrStorage.PartnerReplaysTable);
        await table.CreateIfNotExistsAsync(cancellationToken);
        try
        {
            var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(signature)));
            await table.AddEntityAsync(new TableEntity(signer, digest) { ["SeenAt"] = clock.GetUtcNow() }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }
}

namespace Comintech.Dsr.Identity;

/// <summary>
/// Reads the systems of record for accounts (<c>DataMap:Identity:AccountStores</c>, AzureTable stores): the rows whose
/// account id is the one named, with the e-mail address each holds. A missing table holds no account.
/// </summary>
public sealed class AccountRecordLookup(IOptions<DataMapOptions> dataMap, StoreAccounts accounts)
{
    public async Task<IReadOnlyList<AccountRecord>> FindAsync(string accountId, CancellationToken cancellationToken)
    {
        var records = new List<AccountRecord>();
        foreach (var storeId in dataMap.Value.Identity.AccountStores)
        {
            var store = dataMap.Value.Get(storeId);
            var accountProperty = store.Setting("AccountIdProperty") ?? "AccountId";
            var emailProperty = store.Setting("EmailProperty") ?? "Email";
            var table = accounts.Tables(StoreAccounts.Location.Of(store)).GetTableClient(store.Setting("Table"));
            // Property names come from the validated data map; the value is quoted by CreateQueryFilter.
            var filter = $"{accountProperty} eq {TableClient.CreateQueryFilter($"{accountId}")}";
            try
            {
                await foreach (var row in table.QueryAsync<TableEntity>(filter, select: [accountProperty, emailProperty], cancellationToken: cancellationToken))
                {
                    records.Add(new AccountRecord(row.GetString(accountProperty) ?? "", row.GetString(emailProperty)));
                }
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // No table: no account here.
            }
        }

        return records;
    }
}

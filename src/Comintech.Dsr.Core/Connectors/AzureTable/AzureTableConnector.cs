namespace Comintech.Dsr.Connectors.AzureTable;

/// <summary>
/// A store kept in an Azure Table (e.g. the control panel's customer-accounts table). Finds the person's entities by
/// e-mail and account id; exports them to the private exports container; rectifies mapped fields; erases by deleting
/// the entities or, with <c>EraseMode = Anonymise</c>, by overwriting the listed properties.
/// </summary>
/// <remarks>
/// Settings: <c>Table</c> (required); the account as <see cref="StoreAccounts"/> reads it (<c>ConnectionStringName</c>,
/// or <c>AccountName</c> / <c>ServiceUri</c> by managed identity; default: the system's own storage); <c>EmailProperty</c> (default Email);
/// <c>AccountIdProperty</c> (default AccountId); <c>EraseMode</c> (Delete | Anonymise);
/// <c>AnonymiseProperties</c> (comma separated; the e-mail and account id properties are always included);
/// <c>Lookup</c> (Scan | Key: see <see cref="TableKeyLookup"/>; Scan, the default and the fallback when a key needs an
/// identifier the person has not bound, queries the e-mail and account id properties, which Azure serves as a full table scan).
/// A table that does not exist fails the action: it is a mapping or deployment error, not proof that the store holds nothing.
/// </remarks>
public sealed class AzureTableConnector(DsrStorage storage, StoreAccounts accounts, TimeProvider clock) : IDataStoreConnector
{
    public const string KindName = "AzureTable";
    public const string ErasedValue = "[erased]";

    public string Kind => KindName;

    public async Task<ConnectorOutcome> ExportAsync(ConnectorRequest request, CancellationToken cancellationToken)
    {
        var settings = TableSettings.From(request.Store);
        var entities = await FindAsync(request, settings, cancellationToken);
        if (entities.Count == 0)
        {
            return Outcome(request, OutcomeKind.NothingFound, 0, 0, null, null);
        }

        var records = entities.Select(e => e.Where(p => p.Key is not ("odata.etag" or "Timestamp")).ToDictionary(p => p.Key, p => p.Value)).ToList();
        var path = await new ConnectorExports(storage, clock).WriteAsync(request, records, cancellationToken);
        return Outcome(request, OutcomeKind.Done, entities.Count, entities.Count, null, path);
    }

    public async Task<ConnectorOutcome> RectifyAsync(ConnectorRequest request, CancellationToken cancellationToken)
    {
        var settings = TableSettings.From(request.Store);
        var mapped = request.Corrections
            .Where(c => request.Store.Fields.ContainsKey(c.Key))
            .ToDictionary(c => request.Store.Fields[c.Key], c => c.Value);
        var unmapped = request.Corrections.Keys.Where(k => !request.Store.Fields.ContainsKey(k)).Order().ToList();
        var note = unmapped.Count > 0 ? $"Fields this store does not hold: {string.Join(", ", unmapped)}." : null;

        var entities = await FindAsync(request, settings, cancellationToken);
        if (entities.Count == 0 || mapped.Count == 0)
        {
            return Outcome(request, OutcomeKind.NothingFound, entities.Count, 0, note, null);
        }

        var table = Table(settings);
        foreach (var entity in entities)
        {
            var patch = new TableEntity(entity.PartitionKey, entity.RowKey);
            foreach (var (property, value) in mapped)
            {
                patch[property] = value;
            }

            await table.UpdateEntityAsync(patch, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }

        return Outcome(request, OutcomeKind.Done, entities.Count, entities.Count, note, null);
    }

    public async Task<ConnectorOutcome> EraseAsync(ConnectorRequest request, CancellationToken cancellationToken)
    {
        var settings = TableSettings.From(request.Store);
        // Under a Retained policy the rows stay and only the fields the law requires are kept as they are.
        var anonymise = settings.Anonymise || request.Policy.Mode == ActionMode.Retained;
        if (!anonymise && settings.Keys?.For(request.Subject) is { } keys)
        {
            var deleted = await DeleteByKeysAsync(request, settings, keys, cancellationToken);
            return Outcome(request, deleted == 0 ? OutcomeKind.NothingFound : OutcomeKind.Done, deleted, deleted, null, null);
        }

        var entities = await FindAsync(request, settings, cancellationToken);
        if (entities.Count == 0)
        {
            return Outcome(request, OutcomeKind.NothingFound, 0, 0, null, null);
        }

        var properties = settings.AnonymiseProperties.Except(request.Policy.KeepFields, StringComparer.Ordinal).ToList();
        var table = Table(settings);
        foreach (var entity in entities)
        {
            if (anonymise)
            {
                var patch = new TableEntity(entity.PartitionKey, entity.RowKey);
                foreach (var property in properties.Where(entity.ContainsKey))
                {
                    patch[property] = ErasedValue;
                }

                await table.UpdateEntityAsync(patch, ETag.All, TableUpdateMode.Merge, cancellationToken);
            }
            else
            {
                // Deleting an entity that is already gone answers 404 inside the SDK and is not an error here.
                await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, ETag.All, cancellationToken);
            }
        }

        var note = anonymise ? AnonymisationReport.Describe(entities, properties, request.Policy, request.Subject) : null;
        return Outcome(request, OutcomeKind.Done, entities.Count, entities.Count, note, null);
    }

    /// <summary>
    /// A keyed entity is deleted by its keys without a read first: the answer says whether it was there (204) or not
    /// (404); a missing table fails, as a lookup in it would.
    /// </summary>
    private async Task<int> DeleteByKeysAsync(
        ConnectorRequest request, TableSettings settings, IReadOnlyList<(string PartitionKey, string RowKey)> keys, CancellationToken cancellationToken)
    {
        var table = Table(settings);
        var deleted = 0;
        foreach (var (partitionKey, rowKey) in keys)
        {
            using var response = await table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken);
            if (response.Status != 404)
            {
                deleted++;
            }
            else if (response.Headers.TryGetValue("x-ms-error-code", out var error) && error == "TableNotFound")
            {
                throw MissingTable(request, settings);
            }
        }

        return deleted;
    }

    private async Task<List<TableEntity>> FindAsync(ConnectorRequest request, TableSettings settings, CancellationToken cancellationToken)
    {
        var table = Table(settings);
        var found = new Dictionary<(string, string), TableEntity>();
        try
        {
            if (settings.Keys?.For(request.Subject) is { } keys)
            {
                foreach (var (partitionKey, rowKey) in keys)
                {
                    if (await ReadAsync(table, partitionKey, rowKey, cancellationToken) is { } entity)
                    {
                        found.TryAdd((entity.PartitionKey, entity.RowKey), entity);
                    }
                }

                return [.. found.Values];
            }

            foreach (var filter in ScanFilters(request.Subject, settings))
            {
                await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
                {
                    found.TryAdd((entity.PartitionKey, entity.RowKey), entity);
                }
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Not ours to create; answering "nothing found" would certify an erasure that never looked.
            throw MissingTable(request, settings, ex);
        }

        return [.. found.Values];
    }

    /// <summary>One single-entity read; a missing entity is null, a missing table fails (as a scan of it would).</summary>
    private static async Task<TableEntity?> ReadAsync(TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            return (await table.GetEntityAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404 && ex.ErrorCode != "TableNotFound")
        {
            return null;
        }
    }

    /// <summary>The scan (the fallback): every entity whose e-mail or account id property holds the person's.</summary>
    private static List<string> ScanFilters(DataSubject subject, TableSettings settings)
    {
        // Property names come from the validated data map; values are always quoted by CreateQueryFilter.
        var filters = new List<string> { $"{settings.EmailProperty} eq {TableClient.CreateQueryFilter($"{subject.NormalisedEmail}")}" };
        if (subject.Email != subject.NormalisedEmail)
        {
            filters.Add($"{settings.EmailProperty} eq {TableClient.CreateQueryFilter($"{subject.Email}")}");
        }

        if (subject.AccountId is not null)
        {
            filters.Add($"{settings.AccountIdProperty} eq {TableClient.CreateQueryFilter($"{subject.AccountId}")}");
        }

        return filters;
    }

    public IEnumerable<string> ValidateSettings(DataStoreDefinition store)
    {
        if (store.Setting("Table") is null)
        {
            yield return "Settings:Table is required.";
        }

        var keys = KeysProblem(store);
        if (keys is not null)
        {
            yield return keys;
        }

        foreach (var problem in StoreAccounts.Location.Of(store).Problems("Settings:"))
        {
            yield return problem;
        }
    }

    public async Task<string?> FindMissingAsync(DataStoreDefinition store, CancellationToken cancellationToken)
    {
        var settings = TableSettings.From(store);
        return await StoreAccounts.TableExistsAsync(Table(settings), cancellationToken) ? null : $"table '{settings.Table}'";
    }

    private static string? KeysProblem(DataStoreDefinition store)
    {
        try
        {
            TableKeyLookup.From(store);
            return null;
        }
        catch (ConnectorException ex)
        {
            return "Settings: " + ex.Message;
        }
    }

    private static ConnectorException MissingTable(ConnectorRequest request, TableSettings settings, Exception? inner = null) =>
        new($"Store '{request.Store.Id}': table '{settings.Table}' does not exist.", inner);

    private TableClient Table(TableSettings settings) => accounts.Tables(settings.Account).GetTableClient(settings.Table);

    private ConnectorOutcome Outcome(ConnectorRequest request, OutcomeKind kind, int found, int affected, string? note, string? artifact) =>
        request.Outcome(kind, found, affected, note, artifact, clock.GetUtcNow());

    private sealed record TableSettings(
        string Table, StoreAccounts.Location Account, string EmailProperty, string AccountIdProperty, bool Anonymise, IReadOnlyList<string> AnonymiseProperties,
        TableKeyLookup? Keys)
    {
        public static TableSettings From(DataStoreDefinition store)
        {
            var table = store.Setting("Table") ?? throw new ConnectorException($"Store '{store.Id}' has no Table setting.");
            var email = store.Setting("EmailProperty") ?? "Email";
            var account = store.Setting("AccountIdProperty") ?? "AccountId";
            var mode = store.Setting("EraseMode") ?? "Delete";
            var anonymise = mode.Equals("Anonymise", StringComparison.OrdinalIgnoreCase);
            if (!anonymise && !mode.Equals("Delete", StringComparison.OrdinalIgnoreCase))
            {
                throw new ConnectorException($"Store '{store.Id}': EraseMode must be Delete or Anonymise.");
            }

            foreach (var property in new[] { email, account })
            {
                if (!IsPropertyName(property))
                {
                    throw new ConnectorException($"Store '{store.Id}': '{property}' is not a valid table property name.");
                }
            }

            var properties = (store.Setting("AnonymiseProperties") ?? "")
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Append(email)
                .Append(account)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            return new TableSettings(table, StoreAccounts.Location.Of(store), email, account, anonymise, properties, TableKeyLookup.From(store));
        }

        private static bool IsPropertyName(string name) =>
            name.Length is > 0 and <= 255 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
    }
}

namespace Comintech.Dsr.Connectors;

/// <summary>
/// The declared list of data stores (configuration section <c>DataMap</c>): how to reach each one and what it holds
/// and why. The descriptive fields are the Art. 15 facts given to the person.
/// </summary>
public sealed class DataMapOptions
{
    public const string Section = "DataMap";

    public List<DataStoreDefinition> Stores { get; set; } = [];

    /// <summary>What start-up does about a mapped store that does not exist; null: Fail in Azure, Warn elsewhere.</summary>
    public StoreCheckMode? StoreCheck { get; set; }

    /// <summary>Where the IP addresses of an account's logins are kept (for stores found by <see cref="SubjectIdentifier.LoginIp"/>).</summary>
    public LoginHistorySettings? LoginHistory { get; set; }

    /// <summary>Named recipients (GDPR Art. 19) that stores' <c>Recipients</c> refer to by id or name.</summary>
    public List<RecipientDefinition> Recipients { get; set; } = [];

    /// <summary>Which stores are the systems of record for accounts: an account id binds only where one of them ties it to the verified address.</summary>
    public IdentityRecordSettings Identity { get; set; } = new();

    /// <summary>Every problem with the map, each naming the entry and the field, including each connector's own settings checks.</summary>
    public IReadOnlyList<string> Validate(IEnumerable<IDataStoreConnector> connectors)
    {
        var byKind = connectors.ToDictionary(c => c.Kind, StringComparer.OrdinalIgnoreCase);
        var errors = Validate(byKind.Keys).ToList();
        for (var i = 0; i < Stores.Count; i++)
        {
            if (byKind.TryGetValue(Stores[i].Kind ?? "", out var connector))
            {
                errors.AddRange(connector.ValidateSettings(Stores[i]).Select(e => $"{EntryName(i)}: {e}"));
                if (Stores[i].SellsOrShares && !connector.StopsSaleOrSharing)
                {
                    errors.Add($"{EntryName(i)}: SellsOrShares is set, but kind '{connector.Kind}' cannot act on an opt-out of sale/sharing (use a marketing kind, PartnerWebhook or Manual).");
                }
            }
        }

        if (Stores.Any(s => s.EffectiveIdentifiers.Contains(SubjectIdentifier.LoginIp)) && LoginHistory?.Table is not { Length: > 0 })
        {
            errors.Add("DataMap:LoginHistory:Table is required: a store is searched by LoginIp.");
        }

        foreach (var storeId in Identity.AccountStores)
        {
            var store = Stores.FirstOrDefault(s => string.Equals(s.Id, storeId, StringComparison.OrdinalIgnoreCase));
            if (store is null || !string.Equals(store.Kind, AzureTable.AzureTableConnector.KindName, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"DataMap:Identity:AccountStores: '{storeId}' must name an AzureTable store of the map.");
            }
        }

        if (LoginHistory is { } history)
        {
            errors.AddRange(StoreAccounts.Location.Of(history).Problems("DataMap:LoginHistory:"));
            var properties = new[] { history.AccountIdProperty, history.EmailProperty, history.IpProperty, history.TimeProperty };
            if (properties.Any(p => string.IsNullOrEmpty(p) || p.Length > 255 || !char.IsAsciiLetter(p[0]) || !p.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')))
            {
                errors.Add("DataMap:LoginHistory: AccountIdProperty, EmailProperty, IpProperty and TimeProperty must be table property names (a letter, then letters, digits and '_').");
            }

            if (history.SessionLength <= TimeSpan.Zero || history.SessionLength > TimeSpan.FromDays(7))
            {
                errors.Add("DataMap:LoginHistory:SessionLength must be positive and at most 7 days.");
            }
        }

        return errors;
    }

    /// <summary>Every problem with the map, each naming the entry and the field.</summary>
    public IReadOnlyList<string> Validate(IEnumerable<string> knownKinds)
    {
        var kinds = knownKinds.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var errors = new List<string>();
        if (Stores.Count == 0)
        {
            errors.Add("DataMap:Stores is empty: declare at least one data store (DataMap:File, a datamap.json beside the app, or DataMap__Stores__… settings).");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Stores.Count; i++)
        {
            var store = Stores[i];
            var name = EntryName(i);
            if (string.IsNullOrWhiteSpace(store.Id) || !store.Id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                errors.Add($"{name}: Id is required and may hold only letters, digits and '-'.");
            }
            else if (!seen.Add(store.Id))
            {
                errors.Add($"{name}: Id is declared twice.");
            }
            else if (BuiltInStores.Find(store.Id) is { } builtIn)
            {
                errors.Add($"{name}: Id '{store.Id}' is reserved for the built-in store '{builtIn.Name}'.");
            }

            if (string.IsNullOrWhiteSpace(store.Kind) || !kinds.Contains(store.Kind))
            {
                errors.Add($"{name}: Kind '{store.Kind}' is unknown; known kinds: {string.Join(", ", kinds.Order())}.");
            }

            var results = new List<ValidationResult>();
            Validator.TryValidateObject(store, new ValidationContext(store), results, validateAllProperties: true);
            errors.AddRange(results.Select(r => $"{name}: {r.ErrorMessage}"));

            if (store.Retry.MaxAttempts is < 1 or > 10)
            {
                errors.Add($"{name}: Retry:MaxAttempts must be between 1 and 10.");
            }

            if (store.Retry.FirstRetryInterval <= TimeSpan.Zero)
            {
                errors.Add($"{name}: Retry:FirstRetryInterval must be positive.");
            }

            if (store.Waiting.ConfirmWithin <= TimeSpan.Zero || store.Waiting.RemindEvery <= TimeSpan.Zero)
            {
                errors.Add($"{name}: Waiting:ConfirmWithin and Waiting:RemindEvery must be positive.");
            }

            errors.AddRange(DataStorePolicyRules.Check(store).Select(e => $"{name}: {e}"));
            errors.AddRange(store.Transfers
                .Select((t, n) => (t, n))
                .Where(x => string.IsNullOrWhiteSpace(x.t.Country) || string.IsNullOrWhiteSpace(x.t.Safeguard))
                .Select(x => $"{name}: Transfers:{x.n} needs both Country and Safeguard (e.g. \"United States\", \"EU Standard Contractual Clauses\")."));
        }

        for (var i = 0; i < Recipients.Count; i++)
        {
            errors.AddRange(Recipients[i].Problems().Select(e => $"DataMap:Recipients:{i}: {e}"));
        }

        if (Recipients.Select(r => r.Id).Where(id => id.Length > 0).GroupBy(id => id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            errors.Add($"DataMap:Recipients: Id '{twice.Key}' is declared twice.");
        }

        return errors;
    }

    /// <summary>Whether the store is the login-history table (an AzureTable store on the same table and account).</summary>
    public bool HoldsLoginHistory(DataStoreDefinition store) =>
        LoginHistory is { Table.Length: > 0 } history
        && string.Equals(store.Kind, AzureTable.AzureTableConnector.KindName, StringComparison.OrdinalIgnoreCase)
        && string.Equals(store.Setting("Table"), history.Table, StringComparison.OrdinalIgnoreCase)
        && StoreAccounts.Location.Of(store) == StoreAccounts.Location.Of(history);

    private string EntryName(int i) =>
        string.IsNullOrWhiteSpace(Stores[i].Id) ? $"DataMap:Stores:{i}" : $"DataMap:Stores:{i} ({Stores[i].Id})";

    /// <summary>A declared store, or a built-in one (<see cref="BuiltInStores"/>) under its reserved id.</summary>
    public DataStoreDefinition Get(string storeId) =>
        Stores.FirstOrDefault(s => string.Equals(s.Id, storeId, StringComparison.OrdinalIgnoreCase))
        ?? BuiltInStores.Find(storeId)
        ?? throw new InvalidOperationException($"Data store '{storeId}' is not in the data map.");
}

public sealed class DataStoreDefinition
{
    public string Id { get; set; } = "";

    [Required]
    public string Name { get; set; } = "";

    public string Kind { get; set; } = "";

    [MinLength(1)]
    public List<string> Categories { get; set; } = [];

    [Required]
    public string Purpose { get; set; } = "";

    [Required]
    public string LegalBasis { get; set; } = "";

    [Required]
    public string Retention { get; set; } = "";

    /// <summary>
    /// Who receives the store's data: ids or names of <c>DataMap:Recipients</c> entries; a plain name that matches none
    /// (the older text form) is a recipient told of erasures and rectifications through a staff task.
    /// </summary>
    public List<string> Recipients { get; set; } = [];

    /// <summary>
    /// True where the store's data is sold or shared (CCPA §1798.140(ad), (ah)): an opt-out of sale/sharing acts on it.
    /// Default false; when no store is marked, that opt-out tells the person "we do not sell or share".
    /// </summary>
    public bool SellsOrShares { get; set; }

    /// <summary>Where the data comes from (GDPR Art. 15(1)(g)); empty: collected from the person or generated by their use of the services.</summary>
    public string? Source { get; set; }

    /// <summary>Transfers to countries outside the EEA and their safeguards (GDPR Art. 15(2)); empty: the data is not transferred.</summary>
    public List<DataTransfer> Transfers { get; set; } = [];

    /// <summary>Automated decision-making, including profiling, and its logic (GDPR Art. 15(1)(h)); empty: none.</summary>
    public string? AutomatedDecisions { get; set; }

    /// <summary>Access packages holding this store's records wait for staff to review them before the link goes out.</summary>
    public bool ReviewAccess { get; set; }

    public RetrySettings Retry { get; set; } = new();

    /// <summary>Kind-specific settings, e.g. <c>Table</c>, <c>EmailProperty</c>. Secrets are named, never inline.</summary>
    public Dictionary<string, string> Settings { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Request field name → the store's own field name, for corrections.</summary>
    public Dictionary<string, string> Fields { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Which of the person's identifiers find them in this store; empty: e-mail and account id.</summary>
    /// <remarks>Left empty by default: the configuration binder appends to a list that already has items.</remarks>
    public List<SubjectIdentifier> Identifiers { get; set; } = [];

    public IReadOnlyList<SubjectIdentifier> EffectiveIdentifiers =>
        Identifiers.Count > 0 ? Identifiers : [SubjectIdentifier.Email, SubjectIdentifier.AccountId];

    /// <summary>Per action (Access, Rectify, Erase): Supported (the default), Retained for a stated reason, or Manual.</summary>
    public Dictionary<string, ActionPolicy> Actions { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>For stores that wait on someone (partners, manual steps): the deadline and the reminder interval.</summary>
    public WaitSettings Waiting { get; set; } = new();

    /// <summary>Kind PostgreSQL: the tables the person is found in, or hand-written parameterized statements.</summary>
    public SqlMapping? Sql { get; set; }

    public ActionPolicy PolicyFor(ConnectorAction action) =>
        Actions.TryGetValue(DataStorePolicyRules.ActionName(action), out var policy) ? policy : ActionPolicy.Supported;

    public string? Setting(string key) => Settings.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}

/// <summary>A transfer of a store's data to a third country (GDPR Art. 15(2), Art. 44-49).</summary>
public sealed class DataTransfer
{
    public string Country { get; set; } = "";

    /// <summary>The safeguard the transfer relies on: an adequacy decision, standard contractual clauses, binding corporate rules.</summary>
    public string Safeguard { get; set; } = "";
}

public sealed class IdentityRecordSettings
{
    /// <summary>Ids of AzureTable stores holding the accounts (their <c>AccountIdProperty</c> and <c>EmailProperty</c>). Empty: no account id binds by e-mail.</summary>
    public List<string> AccountStores { get; set; } = [];
}

public sealed class WaitSettings
{
    /// <summary>How long to wait for the confirmation before escalating to staff.</summary>
    public TimeSpan ConfirmWithin { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Time between reminders while waiting.</summary>
    public TimeSpan RemindEvery { get; set; } = TimeSpan.FromDays(3);
}

public sealed class RetrySettings
{
    public int MaxAttempts { get; set; } = 3;

    public TimeSpan FirstRetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    public double BackoffCoefficient { get; set; } = 2;
}

namespace Comintech.Dsr.Connectors;

/// <summary>An identifier that finds the person in a store.</summary>
public enum SubjectIdentifier
{
    Email,
    AccountId,

    /// <summary>The IP addresses in the account's login history (see <see cref="DataMapOptions.LoginHistory"/>).</summary>
    LoginIp,
}

public enum ActionMode
{
    /// <summary>The connector carries the action out.</summary>
    Supported,

    /// <summary>Data is kept for a stated legal reason: on erasure only <see cref="ActionPolicy.KeepFields"/> are kept, the rest is anonymised.</summary>
    Retained,

    /// <summary>Staff carry the action out by hand.</summary>
    Manual,
}

/// <summary>How one action is handled in one store.</summary>
public sealed class ActionPolicy
{
    public static ActionPolicy Supported { get; } = new();

    public ActionMode Mode { get; set; } = ActionMode.Supported;

    /// <summary>For <see cref="ActionMode.Retained"/>: the legal reason, given to the person (e.g. "Invoices are kept 10 years under tax law").</summary>
    public string? Reason { get; set; }

    /// <summary>For <see cref="ActionMode.Retained"/>: the store's fields kept as they are; every other personal field is anonymised.</summary>
    public List<string> KeepFields { get; set; } = [];
}

/// <summary>Where the IP addresses of each account's logins are kept: an Azure Table, one row per login.</summary>
public sealed class LoginHistorySettings
{
    public string Table { get; set; } = "";

    /// <summary>A configuration key holding the account's connection string; empty: the system's own storage.</summary>
    public string? ConnectionStringName { get; set; }

    /// <summary>Or the account's name, reached with the managed identity (DefaultAzureCredential).</summary>
    public string? AccountName { get; set; }

    /// <summary>Or the table service's URI, reached with the managed identity.</summary>
    public string? ServiceUri { get; set; }

    public string AccountIdProperty { get; set; } = "AccountId";

    public string EmailProperty { get; set; } = "Email";

    public string IpProperty { get; set; } = "IpAddress";

    /// <summary>When the login happened (a date-time property); a login without it gives no session, so its IP's lines are left out of access packages.</summary>
    public string TimeProperty { get; set; } = "LoginAt";

    /// <summary>How long after a login the IP's web-log lines count as the account's session.</summary>
    public TimeSpan SessionLength { get; set; } = TimeSpan.FromHours(12);
}

/// <summary>The data-map rules every store keeps, whatever its kind.</summary>
internal static class DataStorePolicyRules
{
    private static readonly string[] ActionNames = ["Access", "Rectify", "Erase", "OptOut"];
    private static readonly string[] SecretWords = ["password", "secret", "apikey", "accountkey", "token", "connectionstring"];

    public static string ActionName(ConnectorAction action) => action switch
    {
        ConnectorAction.Export => "Access",
        ConnectorAction.Rectify => "Rectify",
        ConnectorAction.Suppress => "OptOut",
        _ => "Erase",
    };

    public static IEnumerable<string> Check(DataStoreDefinition store)
    {
        foreach (var (action, policy) in store.Actions)
        {
            if (!ActionNames.Contains(action, StringComparer.OrdinalIgnoreCase))
            {
                yield return $"Actions:{action} is unknown; actions are {string.Join(", ", ActionNames)}.";
                continue;
            }

            if (policy.Mode == ActionMode.Retained && string.IsNullOrWhiteSpace(policy.Reason))
            {
                yield return $"Actions:{action}:Reason is required when Mode is Retained (the legal reason given to the person).";
            }

            if (policy.Mode != ActionMode.Retained && policy.KeepFields.Count > 0)
            {
                yield return $"Actions:{action}:KeepFields is only for Mode Retained.";
            }
        }

        foreach (var key in store.Settings.Keys)
        {
            var plain = key.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
            if (SecretWords.Any(plain.Contains) && !plain.EndsWith("name", StringComparison.Ordinal))
            {
                yield return $"Settings:{key} looks like a secret: name the configuration key that holds it (e.g. {key}Name), never the value.";
            }
        }
    }
}

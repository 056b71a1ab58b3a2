namespace Comintech.Dsr.Connectors.PostgreSql;

/// <summary>
/// How a SQL store is searched and changed: either <see cref="Tables"/> (the connector writes the statements, quoting
/// the validated names) or <see cref="Statements"/> (hand-written, parameterized). Values are always parameters.
/// </summary>
public sealed class SqlMapping
{
    public List<SqlTableMapping> Tables { get; set; } = [];

    public SqlStatements? Statements { get; set; }
}

public sealed class SqlTableMapping
{
    /// <summary><c>table</c> or <c>schema.table</c>.</summary>
    public string Table { get; set; } = "";

    /// <summary>Column holding the e-mail address (compared lower-cased).</summary>
    public string? EmailColumn { get; set; }

    public string? AccountIdColumn { get; set; }

    /// <summary>Column holding an IP address (text or inet).</summary>
    public string? LoginIpColumn { get; set; }

    /// <summary>Columns given to the person on access; empty: every column.</summary>
    public List<string> ExportColumns { get; set; } = [];

    /// <summary>Request field → column, for corrections.</summary>
    public Dictionary<string, string> Fields { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary><c>Delete</c> (default) or <c>Anonymise</c>.</summary>
    public string EraseMode { get; set; } = "Delete";

    /// <summary>Column → replacement on anonymisation; an empty replacement sets SQL NULL.</summary>
    public Dictionary<string, string> AnonymiseColumns { get; set; } = new(StringComparer.Ordinal);

    public bool Anonymises => EraseMode.Equals("Anonymise", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// Hand-written statements. Parameters: <c>@email</c> (lower-cased), <c>@account_id</c> (NULL when not given),
/// <c>@login_ips</c> (text[]); in <see cref="Rectify"/> also <c>@&lt;field&gt;</c> per request field (NULL when not corrected).
/// </summary>
public sealed class SqlStatements
{
    /// <summary>A SELECT returning the person's rows.</summary>
    public string? Access { get; set; }

    /// <summary>An UPDATE, e.g. <c>SET phone = COALESCE(@phone, phone) WHERE lower(email) = @email</c>.</summary>
    public string? Rectify { get; set; }

    /// <summary>A DELETE, or an UPDATE that anonymises where a retention rule applies.</summary>
    public string? Erase { get; set; }
}

internal static partial class SqlNames
{
    /// <summary>A plain identifier or schema.identifier, quoted for PostgreSQL; anything else is refused.</summary>
    public static string Quote(string name)
    {
        if (!IsValid(name))
        {
            throw new ConnectorException($"'{name}' is not a valid SQL name.");
        }

        return string.Join('.', name.Split('.').Select(part => $"\"{part}\""));
    }

    public static bool IsValid(string? name) => name is not null && Name().IsMatch(name);

    public static bool IsParameterName(string name) => Parameter().IsMatch(name);

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]{0,62}(\.[A-Za-z_][A-Za-z0-9_]{0,62})?$")]
    private static partial Regex Name();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex Parameter();
}

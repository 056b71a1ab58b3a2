using NpgsqlTypes;

namespace Comintech.Dsr.Connectors.PostgreSql;

/// <summary>One statement with its parameters. The text holds only validated, quoted names and parameter markers.</summary>
internal sealed record SqlCommandSpec(string Label, string Text, IReadOnlyList<NpgsqlParameter> Parameters)
{
    public NpgsqlCommand Bind(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var command = new NpgsqlCommand(Text, connection, transaction);
        foreach (var parameter in Parameters)
        {
            command.Parameters.Add(parameter.Clone());
        }

        return command;
    }
}

/// <summary>The statements one request needs in one SQL store, from its table mappings or its hand-written statements.</summary>
internal sealed class SqlPlan(ConnectorRequest request)
{
    private readonly SqlMapping mapping = request.Store.Sql ?? throw new ConnectorException($"Store '{request.Store.Id}' has no Sql section.");

    public IEnumerable<SqlCommandSpec> Access() => mapping.Statements is { } statements
        ? Statement("access", statements.Access, [])
        : Tables((table, where, parameters) =>
        {
            var columns = table.ExportColumns.Count == 0 ? "*" : string.Join(", ", table.ExportColumns.Select(SqlNames.Quote));
            return new SqlCommandSpec(table.Table, $"SELECT {columns} FROM {SqlNames.Quote(table.Table)} WHERE {where}", parameters);
        });

    public IEnumerable<SqlCommandSpec> Rectify()
    {
        if (mapping.Statements is { } statements)
        {
            var fields = request.Store.Fields.Keys.Select(field => Text(field, request.Corrections.GetValueOrDefault(field)));
            return Statement("rectify", statements.Rectify, fields);
        }

        return Tables((table, where, parameters) =>
        {
            var changes = table.Fields.Where(f => request.Corrections.ContainsKey(f.Key)).ToList();
            return changes.Count == 0 ? null : Update(table, where, parameters, changes.Select(f => (f.Value, (string?)request.Corrections[f.Key])));
        });
    }

    public IEnumerable<SqlCommandSpec> Erase()
    {
        if (mapping.Statements is { } statements)
        {
            return Statement("erase", statements.Erase, []);
        }

        var policy = request.Policy;
        return Tables((table, where, parameters) =>
        {
            if (policy.Mode != ActionMode.Retained && !table.Anonymises)
            {
                return new SqlCommandSpec(table.Table, $"DELETE FROM {SqlNames.Quote(table.Table)} WHERE {where}", parameters);
            }

            var columns = table.AnonymiseColumns.Where(c => !policy.KeepFields.Contains(c.Key, StringComparer.Ordinal)).ToList();
            return columns.Count == 0 ? null : Update(table, where, parameters, columns.Select(c => (c.Key, string.IsNullOrEmpty(c.Value) ? null : c.Value)));
        });
    }

    public static string? NoteFor(ConnectorRequest request)
    {
        if (request.Action == ConnectorAction.Rectify)
        {
            var mapping = request.Store.Sql;
            var held = mapping?.Statements is not null
                ? request.Store.Fields.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase)
                : mapping?.Tables.SelectMany(t => t.Fields.Keys).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
            var unheld = request.Corrections.Keys.Where(k => !held.Contains(k)).Order(StringComparer.Ordinal).ToList();
            return unheld.Count > 0 ? $"Fields this store does not hold: {string.Join(", ", unheld)}." : null;
        }

        return null;
    }

    private static SqlCommandSpec Update(SqlTableMapping table, string where, List<NpgsqlParameter> parameters, IEnumerable<(string Column, string? Value)> assignments)
    {
        var sets = new List<string>();
        foreach (var (column, value) in assignments)
        {
            var name = $"v{sets.Count}";
            sets.Add($"{SqlNames.Quote(column)} = @{name}");
            parameters.Add(Text(name, value));
        }

        return new SqlCommandSpec(table.Table, $"UPDATE {SqlNames.Quote(table.Table)} SET {string.Join(", ", sets)} WHERE {where}", parameters);
    }

    private IEnumerable<SqlCommandSpec> Statement(string label, string? text, IEnumerable<NpgsqlParameter> extra) =>
        string.IsNullOrWhiteSpace(text) ? [] : [new SqlCommandSpec(label, text, [.. IdentifierParameters(), .. extra])];

    private IEnumerable<SqlCommandSpec> Tables(Func<SqlTableMapping, string, List<NpgsqlParameter>, SqlCommandSpec?> build)
    {
        foreach (var table in mapping.Tables)
        {
            var conditions = new List<string>();
            if (table.EmailColumn is not null && request.Uses(SubjectIdentifier.Email))
            {
                conditions.Add($"lower({SqlNames.Quote(table.EmailColumn)}) = @email");
            }

            if (table.AccountIdColumn is not null && request.Uses(SubjectIdentifier.AccountId) && request.Subject.AccountId is not null)
            {
                conditions.Add($"{SqlNames.Quote(table.AccountIdColumn)} = @account_id");
            }

            if (table.LoginIpColumn is not null && request.Uses(SubjectIdentifier.LoginIp) && request.LoginIps.Count > 0)
            {
                conditions.Add($"split_part({SqlNames.Quote(table.LoginIpColumn)}::text, '/', 1) = ANY(@login_ips)");
            }

            if (conditions.Count > 0 && build(table, "(" + string.Join(" OR ", conditions) + ")", [.. IdentifierParameters()]) is { } command)
            {
                yield return command;
            }
        }
    }

    private IEnumerable<NpgsqlParameter> IdentifierParameters()
    {
        yield return Text("email", request.Uses(SubjectIdentifier.Email) ? request.Subject.NormalisedEmail : null);
        yield return Text("account_id", request.Uses(SubjectIdentifier.AccountId) ? request.Subject.AccountId : null);
        yield return new NpgsqlParameter("login_ips", NpgsqlDbType.Array | NpgsqlDbType.Text)
        {
            Value = request.Uses(SubjectIdentifier.LoginIp) ? request.LoginIps.ToArray() : Array.Empty<string>(),
        };
    }

    private static NpgsqlParameter Text(string name, string? value) =>
        new(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value };
}

namespace Comintech.Dsr.Connectors.PostgreSql;

/// <summary>Start-up checks of a PostgreSQL store's settings and <c>Sql</c> section; each message names the field.</summary>
internal static class SqlMappingRules
{
    public static IEnumerable<string> Check(DataStoreDefinition store)
    {
        if (store.Setting("ConnectionStringName") is null)
        {
            yield return "Settings:ConnectionStringName is required (the configuration key holding the connection string).";
        }

        var sql = store.Sql;
        if (sql is null || (sql.Tables.Count == 0) == (sql.Statements is null))
        {
            yield return "Sql must have either Tables or Statements (not both).";
            yield break;
        }

        if (sql.Statements is { } statements)
        {
            foreach (var field in store.Fields.Keys.Where(f => !SqlNames.IsParameterName(f)))
            {
                yield return $"Fields:{field} cannot be a statement parameter name.";
            }

            if (string.IsNullOrWhiteSpace(statements.Access))
            {
                yield return "Sql:Statements:Access is required (a SELECT of the person's rows).";
            }

            yield break;
        }

        var retained = store.PolicyFor(ConnectorAction.Erase).Mode == ActionMode.Retained;
        for (var i = 0; i < sql.Tables.Count; i++)
        {
            var table = sql.Tables[i];
            var at = $"Sql:Tables:{i}";
            var names = new List<(string Field, string? Name)> { ("Table", table.Table) };
            names.AddRange(new (string Field, string? Name)[] { ("EmailColumn", table.EmailColumn), ("AccountIdColumn", table.AccountIdColumn), ("LoginIpColumn", table.LoginIpColumn) }
                .Where(n => n.Name is not null));
            names.AddRange(table.ExportColumns.Select(c => ("ExportColumns", (string?)c)));
            names.AddRange(table.Fields.Select(f => ($"Fields:{f.Key}", (string?)f.Value)));
            names.AddRange(table.AnonymiseColumns.Keys.Select(c => ("AnonymiseColumns", (string?)c)));
            foreach (var (field, name) in names.Where(n => !SqlNames.IsValid(n.Name)))
            {
                yield return $"{at}:{field}: '{name}' is not a valid SQL name (letters, digits, '_', optionally schema.name).";
            }

            if (table.EmailColumn is null && table.AccountIdColumn is null && table.LoginIpColumn is null)
            {
                yield return $"{at}: name at least one of EmailColumn, AccountIdColumn, LoginIpColumn.";
            }

            if (!table.Anonymises && !table.EraseMode.Equals("Delete", StringComparison.OrdinalIgnoreCase))
            {
                yield return $"{at}:EraseMode must be Delete or Anonymise.";
            }

            if ((table.Anonymises || retained) && table.AnonymiseColumns.Count == 0)
            {
                yield return $"{at}:AnonymiseColumns is required when the table is anonymised (EraseMode Anonymise or a Retained erase policy).";
            }
        }
    }
}

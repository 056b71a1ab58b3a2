namespace Comintech.Dsr.Connectors.PostgreSql;

/// <summary>
/// A PostgreSQL database (billing, the control panel's own database). Each action runs in one transaction, through
/// the table mappings or the hand-written statements of the store's <c>Sql</c> section; values are always parameters.
/// </summary>
/// <remarks>Settings: <c>ConnectionStringName</c> (required: the configuration key holding the connection string).</remarks>
public sealed class PostgreSqlConnector(IConfiguration configuration, ConnectorExports exports, TimeProvider clock) : IDataStoreConnector, IDisposable
{
    public const string KindName = "PostgreSql";

    private readonly ConcurrentDictionary<string, NpgsqlDataSource> sources = new();

    public string Kind => KindName;

    public async Task<ConnectorOutcome> ExportAsync(ConnectorRequest request, CancellationToken cancellationToken)
    {
        var records = new Dictionary<string, List<Dictionary<string, object?>>>(StringComparer.Ordinal);
        await InTransactionAsync(request, async (plan, connection, transaction) =>
        {
            foreach (var command in plan.Access())
            {
                var rows = await ReadAsync(command.Bind(connection, transaction), cancellationToken);
                if (rows.Count > 0)
                {
                    records[command.Label] = rows;
                }
            }

            return 0;
        }, cancellationToken);

        var found = records.Values.Sum(r => r.Count);
        if (found == 0)
        {
            return request.Outcome(OutcomeKind.NothingFound, 0, 0, null, null, clock.GetUtcNow());
        }

        var path = await exports.WriteAsync(request, records, cancellationToken);
        return request.Outcome(OutcomeKind.Done, found, found, null, path, clock.GetUtcNow());
    }

    public Task<ConnectorOutcome> RectifyAsync(ConnectorRequest request, CancellationToken cancellationToken) =>
        ChangeAsync(request, plan => plan.Rectify(), cancellationToken);

    public Task<ConnectorOutcome> EraseAsync(ConnectorRequest request, CancellationToken cancellationToken) =>
        ChangeAsync(request, plan => plan.Erase(), cancellationToken);

    public IEnumerable<string> ValidateSettings(DataStoreDefinition store) => SqlMappingRules.Check(store);

    public async Task<string?> FindMissingAsync(DataStoreDefinition store, CancellationToken cancellationToken)
    {
        NpgsqlConnection connection;
        try
        {
            connection = await Source(store).OpenConnectionAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            return "its database";
        }

        await using (connection)
        {
            var missing = new List<string>();
            foreach (var table in store.Sql?.Tables ?? [])
            {
                await using var exists = new NpgsqlCommand("SELECT to_regclass(@name) IS NOT NULL", connection);
                exists.Parameters.AddWithValue("name", table.Table);
                if (await exists.ExecuteScalarAsync(cancellationToken) is not true)
                {
                    missing.Add($"table '{table.Table}'");
                }
            }

            return missing.Count == 0 ? null : string.Join(", ", missing);
        }
    }

    private async Task<ConnectorOutcome> ChangeAsync(ConnectorRequest request, Func<SqlPlan, IEnumerable<SqlCommandSpec>> commands, CancellationToken cancellationToken)
    {
        var affected = await InTransactionAsync(request, async (plan, connection, transaction) =>
        {
            var total = 0;
            foreach (var command in commands(plan))
            {
                await using var sql = command.Bind(connection, transaction);
                total += Math.Max(0, await sql.ExecuteNonQueryAsync(cancellationToken));
            }

            return total;
        }, cancellationToken);

        var kind = affected > 0 ? OutcomeKind.Done : OutcomeKind.NothingFound;
        return request.Outcome(kind, affected, affected, SqlPlan.NoteFor(request), null, clock.GetUtcNow());
    }

    private async Task<int> InTransactionAsync(
        ConnectorRequest request, Func<SqlPlan, NpgsqlConnection, NpgsqlTransaction, Task<int>> work, CancellationToken cancellationToken)
    {
        var plan = new SqlPlan(request);
        await using var connection = await Source(request.Store).OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(plan, connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private static async Task<List<Dictionary<string, object?>>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var _ = command;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : Exportable(reader.GetValue(i));
            }

            rows.Add(row);
        }

        return rows;
    }

    private static object Exportable(object value) => value switch
    {
        string or bool or int or long or short or decimal or double or float or DateTime or DateTimeOffset or Guid => value,
        DateOnly date => date.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    private NpgsqlDataSource Source(DataStoreDefinition store)
    {
        var name = store.Setting("ConnectionStringName") ?? throw new ConnectorException($"Store '{store.Id}' has no ConnectionStringName setting.");
        return sources.GetOrAdd(name, key => NpgsqlDataSource.Create(
            configuration[key] ?? throw new ConnectorException($"Configuration key '{key}' holds no connection string.")));
    }

    public void Dispose()
    {
        foreach (var source in sources.Values)
        {
            source.Dispose();
        }
    }
}

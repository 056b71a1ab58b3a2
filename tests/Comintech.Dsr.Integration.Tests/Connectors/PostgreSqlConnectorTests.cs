using System.Text.Json;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Connectors.PostgreSql;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Testing;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Comintech.Dsr.Integration.Tests.Connectors;

/// <summary>The PostgreSQL connector against a real PostgreSQL server started for this class.</summary>
public sealed class PostgreSqlConnectorTests(PostgresFixture postgres, AzuriteFixture azurite)
    : IClassFixture<PostgresFixture>, IClassFixture<AzuriteFixture>
{
    private static readonly DataSubject Ada = new("Ada.Lovelace@Example.com", "Ada Lovelace", "ACC-1");
    private readonly string schema = "s" + Guid.NewGuid().ToString("N")[..8];

    private async Task<PostgreSqlConnector> ArrangeAsync()
    {
        await ExecuteAsync($"""
            CREATE SCHEMA {schema};
            CREATE TABLE {schema}.customers (id serial PRIMARY KEY, email text NOT NULL, account_id text, full_name text NOT NULL, phone text);
            CREATE TABLE {schema}.logins (id serial PRIMARY KEY, account_id text, ip inet NOT NULL, at timestamptz NOT NULL DEFAULT now());
            CREATE TABLE {schema}.invoices (number text PRIMARY KEY, account_id text, billed_name text, billed_email text CHECK (billed_email <> 'forbidden'), amount numeric NOT NULL);
            INSERT INTO {schema}.customers (email, account_id, full_name, phone) VALUES
              ('ada.lovelace@example.com', 'ACC-1', 'Ada Lovelace', '1'),
              ('ADA.LOVELACE@example.com', NULL, 'A. Lovelace', '2'),
              ('grace@example.org', 'ACC-2', 'Grace Hopper', '3');
            INSERT INTO {schema}.logins (account_id, ip) VALUES ('ACC-1', '203.0.113.7'), ('ACC-9', '198.51.100.4'), ('ACC-2', '192.0.2.1');
            INSERT INTO {schema}.invoices VALUES ('INV-1', 'ACC-1', 'Ada Lovelace', 'ada.lovelace@example.com', 120.50), ('INV-2', 'ACC-2', 'Grace Hopper', 'grace@example.org', 99);
            """);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Stores:Billing"] = postgres.ConnectionString }).Build();
        return new PostgreSqlConnector(configuration, new ConnectorExports(azurite.Storage, TimeProvider.System), TimeProvider.System);
    }

    private DataStoreDefinition Store(SqlMapping sql, Dictionary<string, ActionPolicy>? actions = null) => new()
    {
        Id = "billing",
        Name = "Billing database",
        Kind = PostgreSqlConnector.KindName,
        Identifiers = [SubjectIdentifier.Email, SubjectIdentifier.AccountId, SubjectIdentifier.LoginIp],
        Settings = new(StringComparer.OrdinalIgnoreCase) { ["ConnectionStringName"] = "Stores:Billing" },
        Actions = actions ?? new(StringComparer.OrdinalIgnoreCase),
        Sql = sql,
    };

    private SqlMapping Tables(string customersEraseMode = "Delete") => new()
    {
        Tables =
        [
            new SqlTableMapping
            {
                Table = $"{schema}.customers", EmailColumn = "email", AccountIdColumn = "account_id", EraseMode = customersEraseMode,
                ExportColumns = ["email", "full_name", "phone"], Fields = new(StringComparer.OrdinalIgnoreCase) { ["phone"] = "phone", ["fullName"] = "full_name" },
                AnonymiseColumns = new() { ["email"] = "erased@invalid", ["full_name"] = "[erased]", ["phone"] = "" },
            },
            new SqlTableMapping { Table = $"{schema}.logins", LoginIpColumn = "ip" },
        ],
    };

    private static ConnectorRequest Request(DataStoreDefinition store, ConnectorAction action, DataSubject? subject = null, IReadOnlyDictionary<string, string>? corrections = null) =>
        new(RequestId.New(), store, action, "key", subject ?? Ada, corrections ?? new Dictionary<string, string>()) { LoginIps = ["198.51.100.4"] };

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<List<string>> RowsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    [Fact]
    public async Task Access_exports_the_rows_found_by_email_account_id_and_login_ip_and_no_one_elses()
    {
        var connector = await ArrangeAsync();

        var outcome = await connector.ExportAsync(Request(Store(Tables()), ConnectorAction.Export), CancellationToken.None);

        Assert.Equal((OutcomeKind.Done, 3), (outcome.Kind, outcome.RecordsFound));
        var json = (await azurite.Storage.Exports.GetBlobClient(outcome.ArtifactPath).DownloadContentAsync()).Value.Content.ToString();
        using var document = JsonDocument.Parse(json);
        var records = document.RootElement.GetProperty("records");
        Assert.Equal(2, records.GetProperty($"{schema}.customers").GetArrayLength());
        Assert.Equal("198.51.100.4", records.GetProperty($"{schema}.logins")[0].GetProperty("ip").GetString());
        Assert.DoesNotContain("Grace", json, StringComparison.Ordinal);
        Assert.DoesNotContain("192.0.2.1", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasure_deletes_in_one_transaction_and_a_rerun_finds_nothing()
    {
        var connector = await ArrangeAsync();
        var store = Store(Tables());

        var first = await connector.EraseAsync(Request(store, ConnectorAction.Erase), CancellationToken.None);
        var second = await connector.EraseAsync(Request(store, ConnectorAction.Erase), CancellationToken.None);

        Assert.Equal((OutcomeKind.Done, 3), (first.Kind, first.RecordsAffected));
        Assert.Equal(OutcomeKind.NothingFound, second.Kind);
        Assert.Equal(["grace@example.org"], await RowsAsync($"SELECT email FROM {schema}.customers"));
        Assert.Equal(2, (await RowsAsync($"SELECT ip FROM {schema}.logins")).Count);
    }

    [Fact]
    public async Task Anonymising_erasure_overwrites_the_listed_columns_and_keeps_the_rows()
    {
        var connector = await ArrangeAsync();

        var outcome = await connector.EraseAsync(Request(Store(Tables("Anonymise")), ConnectorAction.Erase), CancellationToken.None);

        Assert.Equal(3, outcome.RecordsAffected);
        var rows = await RowsAsync($"SELECT email, full_name, phone FROM {schema}.customers ORDER BY id");
        Assert.Equal(["erased@invalid|[erased]|NULL", "erased@invalid|[erased]|NULL", "grace@example.org|Grace Hopper|3"], rows);
    }

    [Fact]
    public async Task A_retained_erasure_keeps_only_the_fields_the_law_requires()
    {
        var connector = await ArrangeAsync();
        var invoices = new SqlMapping
        {
            Tables =
            [
                new SqlTableMapping
                {
                    Table = $"{schema}.invoices", EmailColumn = "billed_email", AccountIdColumn = "account_id",
                    AnonymiseColumns = new() { ["billed_name"] = "[erased]", ["billed_email"] = "", ["account_id"] = "" },
                },
            ],
        };
        var retained = new ActionPolicy { Mode = ActionMode.Retained, Reason = "Invoices are kept 10 years under tax law", KeepFields = ["account_id"] };
        var store = Store(invoices, new(StringComparer.OrdinalIgnoreCase) { ["Erase"] = retained });

        Assert.Empty(connector.ValidateSettings(store));
        var outcome = await connector.EraseAsync(Request(store, ConnectorAction.Erase), CancellationToken.None);

        Assert.Equal(1, outcome.RecordsAffected);
        Assert.Equal(["INV-1|ACC-1|[erased]|NULL|120.50", "INV-2|ACC-2|Grace Hopper|grace@example.org|99"],
            await RowsAsync($"SELECT number, account_id, billed_name, billed_email, amount FROM {schema}.invoices ORDER BY number"));
    }

    [Fact]
    public async Task Rectification_updates_mapped_columns_and_names_the_fields_not_held()
    {
        var connector = await ArrangeAsync();
        var corrections = new Dictionary<string, string> { ["phone"] = "+44 20 7946 0001", ["shoeSize"] = "9" };

        var outcome = await connector.RectifyAsync(Request(Store(Tables()), ConnectorAction.Rectify, corrections: corrections), CancellationToken.None);

        Assert.Equal(2, outcome.RecordsAffected);
        Assert.Equal("Fields this store does not hold: shoeSize.", outcome.Note);
        Assert.Equal(["+44 20 7946 0001", "+44 20 7946 0001", "3"], await RowsAsync($"SELECT phone FROM {schema}.customers ORDER BY id"));
    }

    [Fact]
    public async Task A_failing_statement_rolls_back_the_whole_erasure()
    {
        var connector = await ArrangeAsync();
        var sql = Tables("Anonymise");
        sql.Tables.Add(new SqlTableMapping
        {
            Table = $"{schema}.invoices", EmailColumn = "billed_email", EraseMode = "Anonymise",
            AnonymiseColumns = new() { ["billed_email"] = "forbidden" },
        });

        await Assert.ThrowsAsync<PostgresException>(() => connector.EraseAsync(Request(Store(sql), ConnectorAction.Erase), CancellationToken.None));

        Assert.Contains("ada.lovelace@example.com", await RowsAsync($"SELECT email FROM {schema}.customers"));
    }

    [Fact]
    public async Task Hand_written_statements_take_the_identifiers_as_parameters()
    {
        var connector = await ArrangeAsync();
        var store = Store(new SqlMapping
        {
            Statements = new SqlStatements
            {
                Access = $"SELECT full_name, phone FROM {schema}.customers WHERE lower(email) = @email OR account_id = @account_id",
                Rectify = $"UPDATE {schema}.customers SET phone = COALESCE(@phone, phone), full_name = COALESCE(@fullName, full_name) WHERE lower(email) = @email",
                Erase = $"DELETE FROM {schema}.customers WHERE lower(email) = @email OR account_id = @account_id",
            },
        });
        store.Fields = new(StringComparer.OrdinalIgnoreCase) { ["phone"] = "phone", ["fullName"] = "full_name" };

        var access = await connector.ExportAsync(Request(store, ConnectorAction.Export), CancellationToken.None);
        var rectify = await connector.RectifyAsync(Request(store, ConnectorAction.Rectify, corrections: new Dictionary<string, string> { ["phone"] = "7" }), CancellationToken.None);
        var names = await RowsAsync($"SELECT full_name || ':' || phone FROM {schema}.customers ORDER BY id");
        var erase = await connector.EraseAsync(Request(store, ConnectorAction.Erase), CancellationToken.None);

        Assert.Equal((2, 2, 2), (access.RecordsFound, rectify.RecordsAffected, erase.RecordsAffected));
        Assert.Equal(["Ada Lovelace:7", "A. Lovelace:7", "Grace Hopper:3"], names);
        Assert.Single(await RowsAsync($"SELECT 1 FROM {schema}.customers"));
    }

    [Fact]
    public async Task Identifiers_with_quotes_cannot_widen_the_statements()
    {
        var connector = await ArrangeAsync();
        var hostile = new DataSubject("x' OR '1'='1@example.com", "X", "ACC-1' OR '1'='1");

        var outcome = await connector.EraseAsync(Request(Store(Tables()), ConnectorAction.Erase, hostile) with { LoginIps = [] }, CancellationToken.None);

        Assert.Equal(OutcomeKind.NothingFound, outcome.Kind);
        Assert.Equal(3, (await RowsAsync($"SELECT 1 FROM {schema}.customers")).Count);
    }

    [Fact]
    public async Task The_start_up_check_names_mapped_tables_and_a_database_that_do_not_exist()
    {
        var connector = await ArrangeAsync();
        var mapping = Tables();
        mapping.Tables.Add(new SqlTableMapping { Table = $"{schema}.missing", EmailColumn = "email" });

        Assert.Null(await connector.FindMissingAsync(Store(Tables()), CancellationToken.None));
        Assert.Equal($"table '{schema}.missing'", await connector.FindMissingAsync(Store(mapping), CancellationToken.None));

        var noDatabase = new NpgsqlConnectionStringBuilder(postgres.ConnectionString) { Database = "no_such_db_" + schema }.ConnectionString;
        using var elsewhere = new PostgreSqlConnector(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Stores:Billing"] = noDatabase }).Build(),
            new ConnectorExports(azurite.Storage, TimeProvider.System), TimeProvider.System);
        Assert.Equal("its database", await elsewhere.FindMissingAsync(Store(Tables()), CancellationToken.None));
    }
}

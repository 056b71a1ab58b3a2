using Npgsql;

namespace Comintech.Dsr.LocalEngine.Demo;

/// <summary>
/// PostgreSQL joins the demo when a server is configured (<c>Demo:PostgreSql</c>, a connection string): the store
/// <c>demo-billing-db</c> is added to the data map and its table <c>demo_billing_contacts</c> seeded once with the demo people.
/// </summary>
public static partial class DemoPostgreSql
{
    public const string ConnectionStringName = "Demo:PostgreSql";
    public const string StoreId = "demo-billing-db";
    public const string Table = "demo_billing_contacts";
    private const string MarkerRow = "demo-postgresql-seeded";

    public static bool IsConfigured(IConfiguration configuration) => configuration[ConnectionStringName] is { Length: > 0 };

    /// <summary>Appends the store to the data map in configuration (after the map file's stores).</summary>
    public static void AddStore(ConfigurationManager configuration)
    {
        var prefix = $"DataMap:Stores:{configuration.GetSection("DataMap:Stores").GetChildren().Count()}:";
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["Id"] = StoreId,
            ["Name"] = "Billing contacts (PostgreSQL)",
            ["Kind"] = "PostgreSql",
            ["Categories:0"] = "contact details",
            ["Categories:1"] = "billing",
            ["Purpose"] = "Sending invoices and payment reminders",
            ["LegalBasis"] = "Contract (GDPR Art. 6(1)(b))",
            ["Retention"] = "For the life of the account",
            ["Settings:ConnectionStringName"] = ConnectionStringName,
            ["Sql:Tables:0:Table"] = Table,
            ["Sql:Tables:0:EmailColumn"] = "email",
            ["Sql:Tables:0:AccountIdColumn"] = "account_id",
            ["Sql:Tables:0:EraseMode"] = "Delete",
        })
        {
            configuration[prefix + key] = value;
        }
    }

    /// <summary>Creates and fills the table once per storage account (a marker row remembers it), so an erased person stays erased.</summary>
    public static Task SeedAsync(IConfiguration configuration, DsrStorage storage, ILogger logger, CancellationToken cancellationToken = default) =>
        DemoDataSeeder.OnceAsync(storage, MarkerRow, () => FillAsync(configuration, logger, cancellationToken), cancellationToken);

    private static async Task FillAsync(IConfiguration configuration, ILogger logger, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(configuration[ConnectionStringName]);
        await connection.OpenAsync(cancellationToken);
        await using (var create = new NpgsqlCommand(
            $"CREATE TABLE IF NOT EXISTS {Table} (account_id text PRIMARY KEY, email text NOT NULL, full_name text NOT NULL, phone text)", connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var person in DemoDataSeeder.People)
        {
            await using var insert = new NpgsqlCommand(
                $"INSERT INTO {Table} (account_id, email, full_name, phone) VALUES (@account, @email, @name, @phone) ON CONFLICT (account_id) DO NOTHING", connection);
            insert.Parameters.AddWithValue("account", person.AccountId);
            insert.Parameters.AddWithValue("email", person.Email.ToLowerInvariant());
            insert.Parameters.AddWithValue("name", person.FullName);
            insert.Parameters.AddWithValue("phone", person.Phone);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        LogSeeded(logger, DemoDataSeeder.People.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data seeded: {Rows} rows in PostgreSQL table demo_billing_contacts")]
    private static partial void LogSeeded(ILogger logger, int rows);
}

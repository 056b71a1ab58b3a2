using Comintech.Dsr.LocalEngine.Demo;
using Comintech.Dsr.Testing;
using Npgsql;

namespace Comintech.Dsr.LocalEngine.Tests;

/// <summary>With a PostgreSQL server configured (<c>Demo:PostgreSql</c>), its store joins the demo map, is seeded, and a deletion reaches it.</summary>
public sealed class DemoPostgreSqlEndToEndTests : IAsyncLifetime
{
    private readonly AzuriteFixture azurite = new();
    private readonly PostgresFixture postgres = new();
    private EngineProcess engine = null!;

    public async Task InitializeAsync()
    {
        await Task.WhenAll(azurite.InitializeAsync(), postgres.InitializeAsync());
        engine = new EngineProcess(azurite.ConnectionString, "demopg" + Guid.NewGuid().ToString("N")[..8], new Dictionary<string, string>
        {
            ["Demo__PostgreSql"] = postgres.ConnectionString,
        });
        await engine.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await engine.DisposeAsync();
        await postgres.DisposeAsync();
        await azurite.DisposeAsync();
    }

    [Fact]
    public async Task A_deletion_reaches_the_demo_postgresql_store()
    {
        var ada = DemoDataSeeder.People[0];
        var id = await engine.SubmitAsync(new { type = "deletion", email = ada.Email, fullName = ada.FullName, accountId = ada.AccountId });
        using (await engine.VerifyAsync(id, await engine.CodeAsync(id)))
        {
        }

        var status = await engine.WaitForStatusAsync(id, "Completed", TimeSpan.FromSeconds(90));
        var store = Assert.Single(status.GetProperty("stores").EnumerateArray(), s => s.GetProperty("storeId").GetString() == DemoPostgreSql.StoreId);
        Assert.Equal(("Done", 1), (store.GetProperty("state").GetString(), store.GetProperty("recordsAffected").GetInt32()));

        await using var connection = new NpgsqlConnection(postgres.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM {DemoPostgreSql.Table} WHERE account_id = @a OR email = @e", connection);
        count.Parameters.AddWithValue("a", ada.AccountId);
        count.Parameters.AddWithValue("e", ada.Email);
        Assert.Equal(0L, await count.ExecuteScalarAsync());
        await using var others = new NpgsqlCommand($"SELECT count(*) FROM {DemoPostgreSql.Table}", connection);
        Assert.Equal((long)DemoDataSeeder.People.Count - 1, await others.ExecuteScalarAsync());
    }
}

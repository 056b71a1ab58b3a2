using Azure.Data.Tables;
using Comintech.Dsr.LocalEngine.Engine;
using Comintech.Dsr.Testing;

namespace Comintech.Dsr.LocalEngine.Tests;

/// <summary>Which account holds the engine's task hub when it starts Azurite itself (see <see cref="LocalBootstrap.TaskHubStorageAsync"/>).</summary>
public sealed class TaskHubStorageTests : IAsyncLifetime
{
    private readonly AzuriteFixture azurite = new() { TaskHubTablesApart = true };

    public Task InitializeAsync() => azurite.InitializeAsync();

    public Task DisposeAsync() => azurite.DisposeAsync();

    [Fact]
    public async Task A_new_hub_goes_to_the_task_hub_table_service()
    {
        var engine = new EngineOptions { TaskHubName = "fresh" + Guid.NewGuid().ToString("N")[..8] };

        Assert.NotEqual(azurite.ConnectionString, azurite.TaskHubConnectionString);
        Assert.Equal(azurite.TaskHubConnectionString, await LocalBootstrap.TaskHubStorageAsync(engine, azurite.ConnectionString, azurite.TaskHubConnectionString));
    }

    [Fact]
    public async Task A_hub_that_already_has_its_tables_beside_the_data_stays_there()
    {
        var engine = new EngineOptions { TaskHubName = "older" + Guid.NewGuid().ToString("N")[..8] };
        await new TableServiceClient(azurite.ConnectionString).CreateTableIfNotExistsAsync(engine.TaskHubName + "Instances");

        Assert.Equal(azurite.ConnectionString, await LocalBootstrap.TaskHubStorageAsync(engine, azurite.ConnectionString, azurite.TaskHubConnectionString));
    }

    [Fact]
    public async Task A_configured_account_wins_and_without_an_own_service_the_hub_shares_the_data_account()
    {
        var engine = new EngineOptions { TaskHubName = "set" + Guid.NewGuid().ToString("N")[..8], TaskHubStorage = azurite.TaskHubConnectionString };

        Assert.Equal(azurite.TaskHubConnectionString, await LocalBootstrap.TaskHubStorageAsync(engine, azurite.ConnectionString, null));
        Assert.Equal(azurite.ConnectionString, await LocalBootstrap.TaskHubStorageAsync(new EngineOptions(), azurite.ConnectionString, null));
    }
}

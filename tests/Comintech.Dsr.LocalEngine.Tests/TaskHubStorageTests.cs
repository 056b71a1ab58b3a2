using Azure.Data.Tables;
using Comintech.Dsr.LocalEngine.Engine;
using Comintech.Dsr.Testing;

namespace Comintech.Dsr.LocalEngine.Tests;

/// <summary>Which account holds the engine's task hub when it starts Azurite itself (see <see cref="LocalBootstrap.TaskHubStorageAsync"/>).</summary>
public sealed class TaskHubStorageTests
{
    [Fact]
    public async Task A_new_hub_goes_to_its_own_table_service_an_older_one_stays_beside_the_data_and_a_configured_account_wins()
    {
        var azurite = new AzuriteFixture { TaskHubTablesApart = true };
        await azurite.InitializeAsync();
        try
        {
            var data = azurite.ConnectionString;
            var own = azurite.TaskHubConnectionString;
            var fresh = new EngineOptions { TaskHubName = "fresh" + Guid.NewGuid().ToString("N")[..8] };
            var older = new EngineOptions { TaskHubName = "older" + Guid.NewGuid().ToString("N")[..8] };
            await new TableServiceClient(data).CreateTableIfNotExistsAsync(older.TaskHubName + "Instances");

            Assert.NotEqual(data, own);
            Assert.Equal(own, await LocalBootstrap.TaskHubStorageAsync(fresh, data, own));
            Assert.Equal(data, await LocalBootstrap.TaskHubStorageAsync(older, data, own));
            Assert.Equal(own, await LocalBootstrap.TaskHubStorageAsync(new EngineOptions { TaskHubStorage = own }, data, null));
            Assert.Equal(data, await LocalBootstrap.TaskHubStorageAsync(fresh, data, null));
        }
        finally
        {
            await azurite.DisposeAsync();
        }
    }
}

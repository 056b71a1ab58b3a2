using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Storage;
using Microsoft.Extensions.Configuration;

namespace Comintech.Dsr.Core.Tests.Connectors;

public class StoreAccountsTests
{
    private const string Azurite = "UseDevelopmentStorage=true";

    private static readonly DsrStorage Own = new(new TableServiceClient(Azurite), new BlobServiceClient(Azurite));

    private static StoreAccounts Accounts() => new(Own, new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Stores:Logs"] = "DefaultEndpointsProtocol=https;AccountName=logsacct;AccountKey=a2V5;EndpointSuffix=core.windows.net" })
        .Build());

    private static DataStoreDefinition Store(string key, string value) =>
        new() { Id = "s", Settings = new(StringComparer.OrdinalIgnoreCase) { [key] = value } };

    [Fact]
    public void Another_account_is_reached_by_name_or_service_uri_with_the_managed_identity_or_by_a_named_connection_string()
    {
        var accounts = Accounts();

        var byName = StoreAccounts.Location.Of(Store("AccountName", "otheraccount"));
        var byUri = StoreAccounts.Location.Of(Store("ServiceUri", "https://privatelink.example.net/"));
        var byConnectionString = StoreAccounts.Location.Of(Store("ConnectionStringName", "Stores:Logs"));

        Assert.Equal("https://otheraccount.table.core.windows.net/", accounts.Tables(byName).Uri.ToString());
        Assert.Equal("https://otheraccount.blob.core.windows.net/", accounts.Blobs(byName).Uri.ToString());
        Assert.Equal("https://privatelink.example.net/", accounts.Tables(byUri).Uri.ToString());
        Assert.Equal("logsacct", accounts.Blobs(byConnectionString).AccountName);
        Assert.Same(Own.Tables, accounts.Tables(StoreAccounts.Location.Of(new DataStoreDefinition { Id = "own" })));
        Assert.Same(accounts.Tables(byName), accounts.Tables(byName));
    }

    [Fact]
    public void A_named_connection_string_that_is_not_configured_fails_the_action()
    {
        var failure = Assert.Throws<ConnectorException>(() => Accounts().Tables(StoreAccounts.Location.Of(Store("ConnectionStringName", "Stores:Missing"))));

        Assert.Equal("Configuration key 'Stores:Missing' holds no connection string.", failure.Message);
    }

    [Theory]
    [InlineData("AccountName", "Not_An_Account", "Settings:AccountName must be a storage account name")]
    [InlineData("ServiceUri", "table.core.windows.net", "Settings:ServiceUri must be the service's absolute URI")]
    [InlineData("ServiceUri", "https://a.table.core.windows.net/?sv=2024&sig=x", "Settings:ServiceUri must be the service's absolute URI")]
    public void Bad_account_settings_are_named(string key, string value, string problem) =>
        Assert.StartsWith(problem, Assert.Single(StoreAccounts.Location.Of(Store(key, value)).Problems("Settings:")));

    [Fact]
    public void Only_one_way_to_the_account_may_be_given()
    {
        var store = Store("AccountName", "otheraccount");
        store.Settings["ConnectionStringName"] = "Stores:Logs";

        Assert.Contains("are alternatives: set one", Assert.Single(StoreAccounts.Location.Of(store).Problems("Settings:")));
    }
}

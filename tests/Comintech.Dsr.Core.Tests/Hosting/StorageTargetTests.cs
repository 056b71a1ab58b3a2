using Comintech.Dsr.Hosting;
using Comintech.Dsr.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Comintech.Dsr.Core.Tests.Hosting;

public class StorageTargetTests
{
    private const string Azurite = "UseDevelopmentStorage=true";

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void The_systems_own_connection_string_wins()
    {
        var target = StorageTarget.Resolve(Settings(
            ("Dsr:StorageConnectionString", Azurite), ("Dsr:Storage:AccountName", "dsrdata"), ("AzureWebJobsStorage", "other")));

        Assert.Equal(new StorageTarget(Azurite, null, null), target);
        Assert.False(target.UsesIdentity);
    }

    [Fact]
    public void An_account_name_means_identity_and_the_public_cloud_endpoints()
    {
        var target = StorageTarget.Resolve(Settings(("Dsr:Storage:AccountName", "dsrdata"), ("AzureWebJobsStorage", Azurite)));

        Assert.True(target.UsesIdentity);
        Assert.Equal(new Uri("https://dsrdata.blob.core.windows.net"), target.BlobServiceUri);
        Assert.Equal(new Uri("https://dsrdata.table.core.windows.net"), target.TableServiceUri);
    }

    [Fact]
    public void Service_uris_name_the_endpoints_directly()
    {
        var target = StorageTarget.Resolve(Settings(
            ("Dsr:Storage:BlobServiceUri", "https://dsrdata.blob.core.usgovcloudapi.net/"),
            ("Dsr:Storage:TableServiceUri", "https://dsrdata.table.core.usgovcloudapi.net/")));

        Assert.True(target.UsesIdentity);
        Assert.Equal("dsrdata.table.core.usgovcloudapi.net", target.TableServiceUri!.Host);
    }

    [Fact]
    public void Without_own_settings_the_hosts_storage_is_used_by_connection_string_or_by_identity()
    {
        Assert.Equal(Azurite, StorageTarget.Resolve(Settings(("AzureWebJobsStorage", Azurite))).ConnectionString);

        var identity = StorageTarget.Resolve(Settings(("AzureWebJobsStorage:accountName", "sthost"), ("AzureWebJobsStorage:credential", "managedidentity")));
        Assert.Equal(new Uri("https://sthost.blob.core.windows.net"), identity.BlobServiceUri);
    }

    [Fact]
    public void Half_an_identity_setting_or_none_at_all_is_an_error()
    {
        var half = Assert.Throws<InvalidOperationException>(() => StorageTarget.Resolve(Settings(("Dsr:Storage:BlobServiceUri", "https://a.blob.core.windows.net"))));
        Assert.Contains("Dsr:Storage needs both", half.Message);
        Assert.Null(StorageTarget.TryResolve(Settings()));
        Assert.Throws<InvalidOperationException>(() => StorageTarget.Resolve(Settings()));
    }

    [Theory]
    [InlineData("Dsr:StorageConnectionString", Azurite, "http://127.0.0.1:10002/devstoreaccount1")]
    [InlineData("Dsr:Storage:AccountName", "dsrdata", "https://dsrdata.table.core.windows.net/")]
    public void The_registered_storage_clients_follow_the_choice(string key, string value, string tableEndpoint)
    {
        var configuration = Settings((key, value));
        using var provider = new ServiceCollection().AddLogging().AddDsrStorageClients(configuration).BuildServiceProvider();

        var storage = provider.GetRequiredService<DsrStorage>();

        Assert.Equal(new Uri(tableEndpoint), storage.Tables.Uri);
        Assert.Equal(new Uri(tableEndpoint.Replace("table", "blob", StringComparison.Ordinal).Replace("10002", "10000", StringComparison.Ordinal)), storage.Blobs.Uri);
    }
}

using Comintech.Dsr.Connectors;
using Comintech.Dsr.Connectors.AzureTable;
using Comintech.Dsr.Connectors.WebLogs;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Fulfilment;
using Comintech.Dsr.Fulfilment.Activities;
using Comintech.Dsr.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Comintech.Dsr.Integration.Tests.Connectors;

/// <summary>
/// A mapped table, container or login-history table that does not exist: start-up refuses (in Azure) or warns, and an
/// action on it fails (reported <c>Failed</c> after its retries) instead of certifying that nothing was found.
/// </summary>
public sealed class MissingStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly string suffix = Guid.NewGuid().ToString("N")[..8];

    private WiredCore Core(params (string Key, string? Value)[] extra)
    {
        var overrides = new Dictionary<string, string?>();
        foreach (var (key, value) in TestServices.Store(1, "web-logs", WebLogBlobConnector.KindName, new Dictionary<string, string> { ["Container"] = "no-logs-" + suffix }, "Email", "LoginIp"))
        {
            overrides[key] = value;
        }

        foreach (var (key, value) in TestServices.Store(2, "billing-invoices", AzureTableConnector.KindName, new Dictionary<string, string> { ["Table"] = "NoInvoices" + suffix }))
        {
            overrides[key] = value;
        }

        overrides["DataMap:LoginHistory:Table"] = "NoLogins" + suffix;
        foreach (var (key, value) in extra)
        {
            overrides[key] = value;
        }

        return new WiredCore(azurite.ConnectionString, overrides);
    }

    private static DataMapStoreCheck Check(WiredCore core) => core.Services.GetServices<IHostedService>().OfType<DataMapStoreCheck>().Single();

    [Fact]
    public async Task In_fail_mode_start_up_stops_naming_every_missing_store_and_only_those()
    {
        using var core = Core(("DataMap:StoreCheck", "Fail"));

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => Check(core).StartAsync(CancellationToken.None));

        Assert.Contains($"DataMap:Stores:1 (web-logs): container 'no-logs-{suffix}' does not exist.", failure.Message);
        Assert.Contains($"DataMap:Stores:2 (billing-invoices): table 'NoInvoices{suffix}' does not exist.", failure.Message);
        Assert.Contains($"DataMap:LoginHistory: table 'NoLogins{suffix}' does not exist.", failure.Message);
        Assert.DoesNotContain("customer-accounts", failure.Message);
    }

    [Fact]
    public async Task In_azure_the_check_fails_by_default_and_locally_it_warns()
    {
        using var local = Core();
        const string webhookKey = "inbox-webhook-key-0123456789";
        using var azure = Core(("WEBSITE_SITE_NAME", "func-dsr-abc"), ("Dsr:Inbox:WebhookKey", webhookKey));
        using var relaxed = Core(("WEBSITE_SITE_NAME", "func-dsr-abc"), ("Dsr:Inbox:WebhookKey", webhookKey), ("DataMap:StoreCheck", "Warn"));

        Assert.Equal(StoreCheckMode.Warn, Check(local).Mode);
        Assert.Equal(StoreCheckMode.Fail, Check(azure).Mode);
        await Check(local).StartAsync(CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Check(azure).StartAsync(CancellationToken.None));
        await Check(relaxed).StartAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Once_the_stores_exist_start_up_passes()
    {
        using var core = Core(("DataMap:StoreCheck", "Fail"));
        await azurite.Storage.Blobs.GetBlobContainerClient("no-logs-" + suffix).CreateIfNotExistsAsync();
        await azurite.Storage.Tables.GetTableClient("NoInvoices" + suffix).CreateIfNotExistsAsync();
        await azurite.Storage.Tables.GetTableClient("NoLogins" + suffix).CreateIfNotExistsAsync();

        Assert.Empty(await Check(core).FindMissingAsync(CancellationToken.None));
        await Check(core).StartAsync(CancellationToken.None);
    }

    [Theory]
    [InlineData("web-logs", ConnectorAction.Export, "DataMap:LoginHistory: table 'NoLogins{0}' does not exist.")]
    [InlineData("billing-invoices", ConnectorAction.Erase, "Store 'billing-invoices': table 'NoInvoices{0}' does not exist.")]
    public async Task An_action_on_a_missing_store_fails_instead_of_finding_nothing(string storeId, ConnectorAction action, string message)
    {
        using var core = Core();
        var request = await core.AddRequestAsync(RequestType.Access, new DataSubject("kim@example.com", "Kim", "ACC-77"));

        var failure = await Assert.ThrowsAsync<ConnectorException>(() =>
            core.Get<ExecuteStoreActionActivity>().RunAsync(new StoreActionInput(request.Id, storeId, action), CancellationToken.None));

        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, message, suffix), failure.Message);
    }

    [Fact]
    public async Task A_missing_log_container_fails_the_action()
    {
        using var core = Core();
        await azurite.Storage.Tables.GetTableClient("NoLogins" + suffix).CreateIfNotExistsAsync();
        var request = await core.AddRequestAsync(RequestType.Access, new DataSubject("kim@example.com", "Kim", "ACC-77"));

        var failure = await Assert.ThrowsAsync<ConnectorException>(() =>
            core.Get<ExecuteStoreActionActivity>().RunAsync(new StoreActionInput(request.Id, "web-logs", ConnectorAction.Export), CancellationToken.None));

        Assert.Equal($"Store 'web-logs': container 'no-logs-{suffix}' does not exist.", failure.Message);
    }
}

using Comintech.Dsr.Connectors;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Recipients;

namespace Comintech.Dsr.Core.Tests.Connectors;

public class DataMapValidationTests
{
    private static DataStoreDefinition Store(string id, string kind = "AzureTable") => new()
    {
        Id = id,
        Name = "Accounts",
        Kind = kind,
        Categories = ["contact"],
        Purpose = "Service",
        LegalBasis = "Contract",
        Retention = "1 year",
    };

    [Fact]
    public void A_good_map_has_no_errors() =>
        Assert.Empty(new DataMapOptions { Stores = [Store("a"), Store("b")] }.Validate(["AzureTable"]));

    [Fact]
    public void Errors_name_the_entry_and_field()
    {
        var bad = Store("tickets", "Ftp");
        bad.Purpose = "";
        var map = new DataMapOptions { Stores = [Store("a"), Store("a"), bad] };

        var errors = map.Validate(["AzureTable"]);

        Assert.Contains(errors, e => e.StartsWith("DataMap:Stores:1 (a): Id is declared twice", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("DataMap:Stores:2 (tickets): Kind 'Ftp' is unknown", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("DataMap:Stores:2 (tickets):", StringComparison.Ordinal) && e.Contains("Purpose", StringComparison.Ordinal));
    }

    [Fact]
    public void Named_recipients_are_checked_and_the_text_form_stays_valid_as_a_staff_task()
    {
        var accounts = Store("accounts");
        accounts.Recipients = ["payroll", "Resellers who manage the account", "Tax office"];
        var map = new DataMapOptions
        {
            Stores = [accounts],
            Recipients =
            [
                new() { Id = "payroll", Name = "Payroll bureau", Notify = RecipientChannel.Webhook, Endpoint = "https://payroll.example/dsr", SecretName = "Recipients:Payroll" },
                new() { Id = "tax", Name = "Tax office", Notify = RecipientChannel.LegalDemandOnly },
                new() { Id = "bad id", Name = "", Notify = RecipientChannel.Email },
            ],
        };

        var errors = map.Validate(["AzureTable"]);
        var recipients = RecipientDefinition.Of(map, ["accounts"]);

        Assert.Contains(errors, e => e.StartsWith("DataMap:Recipients:2: Id is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("DataMap:Recipients:2: Notify Email needs Email", StringComparison.Ordinal));
        Assert.Equal(3, errors.Count);
        Assert.Equal(
            [("payroll", RecipientChannel.Webhook), ("text-resellers-who-manage-the-account", RecipientChannel.StaffTask), ("tax", RecipientChannel.LegalDemandOnly)],
            recipients.Select(r => (r.Id, r.Notify)));
    }

    [Fact]
    public void A_store_marked_as_selling_or_sharing_must_be_of_a_kind_that_can_stop_it()
    {
        var table = Store("accounts");
        table.SellsOrShares = true;

        var errors = new DataMapOptions { Stores = [table] }.Validate([new PlainTableConnector()]);

        Assert.Contains(errors, e => e.Contains("SellsOrShares is set, but kind 'AzureTable' cannot act on an opt-out of sale/sharing", StringComparison.Ordinal));
    }

    private sealed class PlainTableConnector : IDataStoreConnector
    {
        public string Kind => "AzureTable";

        public Task<ConnectorOutcome> ExportAsync(ConnectorRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ConnectorOutcome> RectifyAsync(ConnectorRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ConnectorOutcome> EraseAsync(ConnectorRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    [Fact]
    public void An_empty_map_is_refused() => Assert.NotEmpty(new DataMapOptions().Validate(["AzureTable"]));

    [Fact]
    public void Action_policies_are_checked()
    {
        var store = Store("billing");
        store.Actions["Erase"] = new ActionPolicy { Mode = ActionMode.Retained };
        store.Actions["Rectify"] = new ActionPolicy { Mode = ActionMode.Manual, KeepFields = ["x"] };
        store.Actions["Shred"] = new ActionPolicy();

        var errors = new DataMapOptions { Stores = [store] }.Validate(["AzureTable"]);

        Assert.Contains(errors, e => e.StartsWith("DataMap:Stores:0 (billing): Actions:Erase:Reason is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("DataMap:Stores:0 (billing): Actions:Rectify:KeepFields is only for Mode Retained", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("DataMap:Stores:0 (billing): Actions:Shred is unknown", StringComparison.Ordinal));
    }

    [Fact]
    public void Secrets_must_be_named_not_inline()
    {
        var store = Store("db");
        store.Settings["ConnectionString"] = "Host=db;Password=hunter2";
        store.Settings["ConnectionStringName"] = "Stores:Db";

        var errors = new DataMapOptions { Stores = [store] }.Validate(["AzureTable"]);

        var error = Assert.Single(errors);
        Assert.StartsWith("DataMap:Stores:0 (db): Settings:ConnectionString looks like a secret", error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_found_by_login_ip_needs_the_login_history()
    {
        var store = Store("logs");
        store.Identifiers = [SubjectIdentifier.LoginIp];

        var errors = new DataMapOptions { Stores = [store] }.Validate(Array.Empty<IDataStoreConnector>());

        Assert.Contains("DataMap:LoginHistory:Table is required: a store is searched by LoginIp.", errors);
    }
}

using Comintech.Dsr.Connectors;

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
    public void An_empty_map_is_refused() => Assert.NotEmpty(new DataMapOptions().Validate(["AzureTable"]));
}

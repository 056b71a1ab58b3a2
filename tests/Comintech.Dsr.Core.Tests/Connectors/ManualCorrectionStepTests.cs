using Comintech.Dsr.Connectors;
using Comintech.Dsr.Connectors.Manual;

namespace Comintech.Dsr.Core.Tests.Connectors;

public class ManualCorrectionStepTests
{
    private static DataStoreDefinition Store(string id, string field, ActionMode rectify = ActionMode.Supported) => new()
    {
        Id = id,
        Name = id,
        Kind = "AzureTable",
        Categories = ["contact"],
        Purpose = "Service",
        LegalBasis = "Contract",
        Retention = "1 year",
        Fields = new(StringComparer.OrdinalIgnoreCase) { [field] = field },
        Actions = new(StringComparer.OrdinalIgnoreCase) { ["Rectify"] = new ActionPolicy { Mode = rectify } },
    };

    [Fact]
    public void Fields_no_supported_store_maps_go_to_staff()
    {
        var map = new DataMapOptions { Stores = [Store("accounts", "phone"), Store("crm", "fullName", ActionMode.Manual)] };

        var byHand = ManualCorrectionStep.FieldsWithoutAutomaticHome(map, ["shoeSize", "PHONE", "fullName"]);

        Assert.Equal(["fullName", "shoeSize"], byHand);
    }

    [Fact]
    public void The_step_is_found_under_its_reserved_id_and_no_store_may_take_that_id()
    {
        var map = new DataMapOptions { Stores = [Store("accounts", "phone"), Store(ManualCorrectionStep.StoreId, "phone")] };

        Assert.Same(ManualCorrectionStep.Definition, new DataMapOptions { Stores = [Store("accounts", "phone")] }.Get(ManualCorrectionStep.StoreId));
        Assert.Equal(ManualStepConnector.KindName, ManualCorrectionStep.Definition.Kind);
        Assert.Contains(map.Validate(["AzureTable"]), e => e.Contains("reserved", StringComparison.Ordinal));
    }
}

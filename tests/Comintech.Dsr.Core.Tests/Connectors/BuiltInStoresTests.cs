using System.ComponentModel.DataAnnotations;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Connectors.AzureTable;
using Comintech.Dsr.Connectors.Manual;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Storage;

namespace Comintech.Dsr.Core.Tests.Connectors;

public class BuiltInStoresTests
{
    public static TheoryData<string, string> ReservedIds => new()
    {
        { ManualCorrectionStep.StoreId, ManualStepConnector.KindName },
        { DsrRecordsStore.StoreId, DsrRecordsStore.KindName },
        { SmokeSandbox.StoreId, AzureTableConnector.KindName },
    };

    [Theory]
    [MemberData(nameof(ReservedIds))]
    public void Each_reserved_id_reads_as_a_complete_store_of_its_connector_kind(string storeId, string kind)
    {
        var store = Assert.IsType<DataStoreDefinition>(BuiltInStores.Find(storeId.ToUpperInvariant()));

        Assert.Equal(storeId, store.Id);
        Assert.Equal(kind, store.Kind);
        Assert.NotEmpty(store.Categories);
        Assert.True(Validator.TryValidateObject(store, new ValidationContext(store), null, validateAllProperties: true));
        Assert.Same(store, new DataMapOptions().Get(storeId));
    }

    [Theory]
    [MemberData(nameof(ReservedIds))]
    public void No_data_map_store_may_take_a_reserved_id(string storeId, string kind)
    {
        var taken = new DataStoreDefinition
        {
            Id = storeId, Name = "Taken", Kind = kind, Categories = ["contact"], Purpose = "Service", LegalBasis = "Contract", Retention = "1 year",
        };

        var error = Assert.Single(new DataMapOptions { Stores = [taken] }.Validate([kind]));

        Assert.StartsWith($"DataMap:Stores:0 ({storeId}): Id '{storeId}' is reserved for the built-in store '{BuiltInStores.Find(storeId)!.Name}'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_declarations_match_the_code_that_uses_them()
    {
        Assert.Equal(3, BuiltInStores.All.Count());
        Assert.Equal(DsrStorage.SmokeSandboxTable, SmokeSandbox.Definition.Setting("Table"));
        Assert.Equal(ActionMode.Retained, DsrRecordsStore.Definition.PolicyFor(ConnectorAction.Erase).Mode);
        Assert.NotNull(ManualCorrectionStep.Definition.Setting("Instructions"));
        Assert.Null(BuiltInStores.Find("customer-accounts"));
    }
}

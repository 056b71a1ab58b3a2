using Azure.Data.Tables;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.Fulfilment;
using Comintech.Dsr.Fulfilment.Activities;
using Comintech.Dsr.Storage;
using Comintech.Dsr.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Comintech.Dsr.Integration.Tests.Fulfilment;

public sealed class ExecuteStoreActionActivityTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly string pickup = Directory.CreateTempSubdirectory("dsr-mail-").FullName;

    public void Dispose() => Directory.Delete(pickup, recursive: true);

    [Fact]
    public async Task A_rerun_returns_the_first_outcome_and_records_evidence_once()
    {
        using var services = TestServices.Build(TestServices.Configuration(azurite.ConnectionString, pickup));
        var table = azurite.Storage.Tables.GetTableClient("TestAccounts");
        await table.CreateIfNotExistsAsync();
        await table.UpsertEntityAsync(new TableEntity("accounts", "ACC-77") { ["Email"] = "kim@example.com", ["AccountId"] = "ACC-77" });
        var request = new DsrRequest(
            RequestId.New(), RequestType.Deletion, IntakeChannel.Api, Jurisdiction.GDPR, "en",
            DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(30), RequestStatus.InProgress,
            new DataSubject("kim@example.com", "Kim", "ACC-77"), null, new Dictionary<string, string>());
        await services.GetRequiredService<RequestStore>().AddAsync(request);
        var activity = services.GetRequiredService<ExecuteStoreActionActivity>();
        var input = new StoreActionInput(request.Id, "customer-accounts", ConnectorAction.Erase);

        var first = await activity.RunAsync(input, CancellationToken.None);
        var second = await activity.RunAsync(input, CancellationToken.None);

        Assert.Equal((OutcomeKind.Done, 1), (first.Kind, first.RecordsAffected));
        Assert.Equal(first with { CompletedAt = default }, second with { CompletedAt = default });
        var evidence = await services.GetRequiredService<EvidenceLedger>().ReadAsync(request.Id);
        Assert.Single(evidence, e => e.EventType == EvidenceEvents.StoreOutcome);
        Assert.DoesNotContain("kim@example.com", evidence.Single().Details, StringComparison.OrdinalIgnoreCase);
    }
}

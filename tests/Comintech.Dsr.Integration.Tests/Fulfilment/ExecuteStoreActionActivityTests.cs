using Azure.Data.Tables;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.Fulfilment;
using Comintech.Dsr.Fulfilment.Activities;
using Comintech.Dsr.Storage;
using Comintech.Dsr.Telemetry;
using Comintech.Dsr.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Comintech.Dsr.Integration.Tests.Fulfilment;

public sealed class ExecuteStoreActionActivityTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly string pickup = Directory.CreateTempSubdirectory("dsr-mail-").FullName;

    public void Dispose() => Directory.Delete(pickup, recursive: true);

    private async Task<DsrRequest> SeedPersonAsync(ServiceProvider services, DataSubject person)
    {
        var table = azurite.Storage.Tables.GetTableClient("TestAccounts");
        await table.CreateIfNotExistsAsync();
        await table.UpsertEntityAsync(new TableEntity("accounts", person.AccountId!) { ["Email"] = person.Email, ["AccountId"] = person.AccountId });
        var request = TestRequests.New(subject: person);
        await services.GetRequiredService<RequestStore>().AddAsync(request);
        return request;
    }

    [Fact]
    public async Task A_rerun_returns_the_first_outcome_and_finalise_records_its_evidence_once()
    {
        using var services = TestServices.Build(TestServices.Configuration(azurite.ConnectionString, pickup));
        var request = await SeedPersonAsync(services, new DataSubject("kim@example.com", "Kim", "ACC-77"));
        var activity = services.GetRequiredService<ExecuteStoreActionActivity>();
        var input = new StoreActionInput(request.Id, "customer-accounts", ConnectorAction.Erase);

        var first = await activity.RunAsync(input, CancellationToken.None);
        var second = await activity.RunAsync(input, CancellationToken.None);

        Assert.Equal((OutcomeKind.Done, 1), (first.Kind, first.RecordsAffected));
        Assert.Equal(first with { CompletedAt = default }, second with { CompletedAt = default });
        var ledger = services.GetRequiredService<EvidenceLedger>();
        Assert.Empty(await ledger.ReadAsync(request.Id));
        var finalise = new FinaliseInput(request.Id, RequestStatus.Completed, [second]);
        await services.GetRequiredService<FinaliseRequestActivity>().RunAsync(finalise, CancellationToken.None);
        await services.GetRequiredService<FinaliseRequestActivity>().RunAsync(finalise, CancellationToken.None);
        var evidence = await ledger.ReadAsync(request.Id);
        var link = Assert.Single(evidence, e => e.EventType == EvidenceEvents.StoreOutcome.Name);
        Assert.Equal(1, link.Sequence);
        Assert.DoesNotContain("kim@example.com", link.Details, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_connector_call_is_a_span_that_names_the_request_store_and_outcome_and_nothing_personal()
    {
        using var services = TestServices.Build(TestServices.Configuration(azurite.ConnectionString, pickup));
        var request = await SeedPersonAsync(services, new DataSubject("lee@example.com", "Lee Person", "ACC-78"));
        using var spans = new SpanRecorder(DsrTelemetry.Name);

        await services.GetRequiredService<ExecuteStoreActionActivity>()
            .RunAsync(new StoreActionInput(request.Id, "customer-accounts", ConnectorAction.Erase), CancellationToken.None);

        var span = spans.Single(DsrTelemetry.RequestIdTag, request.Id);
        Assert.Equal("dsr.connector Erase", span.OperationName);
        Assert.Equal(
            new Dictionary<string, string?>
            {
                [DsrTelemetry.RequestIdTag] = request.Id,
                [DsrTelemetry.StoreIdTag] = "customer-accounts",
                [DsrTelemetry.ActionTag] = "Erase",
                [DsrTelemetry.OutcomeTag] = nameof(OutcomeKind.Done),
            },
            span.Tags.ToDictionary(t => t.Key, t => t.Value));
    }
}

using Comintech.Dsr.Connectors;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.Evidence.Events;
using Comintech.Dsr.Fulfilment.Rerun;
using Comintech.Dsr.Storage;
using Comintech.Dsr.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Comintech.Dsr.Integration.Tests.Fulfilment;

public sealed class RecordRerunActivityTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly string pickup = Directory.CreateTempSubdirectory("dsr-mail-").FullName;

    public void Dispose() => Directory.Delete(pickup, recursive: true);

    private static ConnectorOutcome Outcome(string store, OutcomeKind kind) =>
        new(store, ConnectorAction.Erase, kind, 1, kind == OutcomeKind.Done ? 1 : 0, kind == OutcomeKind.Failed ? "Failed after 3 attempt(s)" : null, null, DateTimeOffset.UtcNow);

    [Fact]
    public async Task The_request_completes_once_no_store_is_failed_and_the_chain_stays_intact()
    {
        using var services = TestServices.Build(TestServices.Configuration(azurite.ConnectionString, pickup));
        var request = new DsrRequest(
            RequestId.New(), RequestType.Deletion, IntakeChannel.Api, Jurisdiction.GDPR, "en",
            DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(30), RequestStatus.CompletedWithExceptions,
            new DataSubject("kim@example.com", "Kim", null), null, new Dictionary<string, string>());
        var requests = services.GetRequiredService<RequestStore>();
        await requests.AddAsync(request);
        var ledger = services.GetRequiredService<EvidenceLedger>();
        await ledger.AppendAsync(request.Id, StoreOutcomeEvidence.Key("a"), new StoreOutcomeRecorded(Outcome("accounts", OutcomeKind.Done)));
        await ledger.AppendAsync(request.Id, StoreOutcomeEvidence.Key("b"), new StoreOutcomeRecorded(Outcome("tickets", OutcomeKind.Failed)));
        await ledger.AppendAsync(request.Id, StoreOutcomeEvidence.Key("c"), new StoreOutcomeRecorded(Outcome("billing", OutcomeKind.Failed)));
        var activity = services.GetRequiredService<RecordRerunActivity>();

        var afterTickets = await activity.RunAsync(new RecordRerunInput(request.Id, "r1", Outcome("tickets", OutcomeKind.Done)), CancellationToken.None);
        var afterBilling = await activity.RunAsync(new RecordRerunInput(request.Id, "r2", Outcome("billing", OutcomeKind.Done)), CancellationToken.None);
        var again = await activity.RunAsync(new RecordRerunInput(request.Id, "r2", Outcome("billing", OutcomeKind.Done)), CancellationToken.None);

        Assert.Equal(RequestStatus.CompletedWithExceptions, afterTickets);
        Assert.Equal(RequestStatus.Completed, afterBilling);
        Assert.Equal(RequestStatus.Completed, again);
        Assert.Equal(RequestStatus.Completed, (await requests.GetAsync(request.Id)).Status);
        var evidence = await ledger.ReadAsync(request.Id);
        Assert.Equal(5, evidence.Count(e => e.EventType == EvidenceEvents.StoreOutcome.Name));
        Assert.Single(evidence, e => e.EventType == EvidenceEvents.Completed.Name);
        Assert.True(EvidenceLedger.Verify(evidence).IsIntact);
        Assert.All(StoreOutcomes.Latest(evidence).Values, o => Assert.Equal(OutcomeKind.Done, o.Kind));
    }
}

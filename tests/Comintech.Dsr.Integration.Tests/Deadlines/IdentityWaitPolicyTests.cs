using System.Globalization;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.Evidence.Events;
using Comintech.Dsr.Fulfilment.Activities;
using Comintech.Dsr.Storage;
using Comintech.Dsr.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Comintech.Dsr.Integration.Tests.Deadlines;

/// <summary>The identity-wait policy when the request moves on after verification (GDPR Art. 12(6)).</summary>
public sealed class IdentityWaitPolicyTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private static readonly DateTimeOffset Received = DateTimeOffset.Parse("2026-03-10T09:00:00Z", CultureInfo.InvariantCulture);
    private readonly string pickup = Directory.CreateTempSubdirectory("dsr-mail-").FullName;

    public void Dispose() => Directory.Delete(pickup, recursive: true);

    [Theory]
    [InlineData(null, "2026-04-10")] // default: no pause
    [InlineData("Pause", "2026-04-13")] // three whole days waited (and a bit)
    public async Task Time_waiting_on_the_person_moves_the_deadline_only_under_the_pause_policy(string? policy, string expectedDue)
    {
        var clock = new FakeTimeProvider(Received);
        using var services = TestServices.Build(
            TestServices.Configuration(azurite.ConnectionString, pickup, new Dictionary<string, string?> { ["Dsr:Deadlines:IdentityWait"] = policy }),
            s => s.AddSingleton<TimeProvider>(clock));
        var request = new DsrRequest(
            RequestId.New(), RequestType.Access, IntakeChannel.Api, Jurisdiction.GDPR, "en", Received,
            DateTimeOffset.Parse("2026-04-10T23:59:59Z", CultureInfo.InvariantCulture), RequestStatus.AwaitingVerification,
            new DataSubject("kim@example.com", "Kim", null), null, new Dictionary<string, string>());
        var requests = services.GetRequiredService<RequestStore>();
        await requests.AddAsync(request);
        var ledger = services.GetRequiredService<EvidenceLedger>();
        await ledger.AppendAsync(request.Id, VerificationSent.Key(1), new VerificationSent(1, "code-mail-1", 15));
        clock.Advance(TimeSpan.FromDays(3.4));
        await ledger.AppendAsync(request.Id, VerificationSucceeded.Key, VerificationSucceeded.ByCode);
        var activity = services.GetRequiredService<PlanFulfilmentActivity>();

        await activity.RunAsync(request.Id, CancellationToken.None);
        await activity.RunAsync(request.Id, CancellationToken.None); // at least once: a re-run moves it no further

        var stored = await requests.GetAsync(request.Id);
        Assert.Equal(DateOnly.Parse(expectedDue, CultureInfo.InvariantCulture), DateOnly.FromDateTime(stored.DueAt.UtcDateTime));
        Assert.Equal(RequestStatus.InProgress, stored.Status);
        var paused = (await ledger.ReadAsync(request.Id)).Count(e => e.EventType == EvidenceEvents.DeadlinePaused.Name);
        Assert.Equal(policy is null ? 0 : 1, paused);
    }
}

using System.Globalization;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Limits;
using Comintech.Dsr.Storage;
using Comintech.Dsr.Testing;
using Comintech.Dsr.Verification;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Comintech.Dsr.Integration.Tests.Limits;

public sealed class AddressLimitsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Cap = 7;
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero));

    private (AddressLimits Limits, VerificationService Verification, CodeAttempts Attempts) Services()
    {
        var limits = new AddressLimits(
            azurite.Storage, new IdentifierHasher(TestOptions.HashKey), Options.Create(new LimitsOptions { FailedCodesPerAddressPerDay = Cap, CodeMailsPerAddressPerDay = 3 }), clock);
        var verification = new VerificationService(azurite.Storage, Options.Create(new VerificationOptions()), TestOptions.HashKey, clock);
        return (limits, verification, new CodeAttempts(limits, verification));
    }

    private static DsrRequest Request(string email) => new(
        RequestId.New(), RequestType.Deletion, IntakeChannel.Web, Jurisdiction.GDPR, "en", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch,
        RequestStatus.AwaitingVerification, new DataSubject(email, "Guessed Person", null), null, new Dictionary<string, string>());

    private static string Other(string code) =>
        ((int.Parse(code, CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Successive_requests_for_one_address_cannot_together_try_more_codes_than_the_cap_and_the_person_verifies_after_the_window()
    {
        var (_, verification, attempts) = Services();
        var email = $"guessed-{Guid.NewGuid():N}@example.com";
        var tried = 0;
        var refused = 0;
        DsrRequest last = null!;
        for (var r = 0; r < 4; r++)
        {
            last = Request(email);
            for (var issue = 1; issue <= 2; issue++)
            {
                var code = (await verification.IssueAsync(last.Id, issue))!.Code;
                for (var guess = 0; guess < 5; guess++)
                {
                    var (outcome, retryAfter) = await attempts.VerifyAsync(last, Other(code), CancellationToken.None);
                    if (outcome is null)
                    {
                        Assert.InRange(retryAfter, TimeSpan.FromHours(23), AddressLimits.Window);
                        refused++;
                    }
                    else if (outcome.Result == VerifyResult.WrongCode)
                    {
                        tried++;
                    }
                }
            }
        }

        Assert.Equal(Cap, tried);
        Assert.True(refused > 0);

        // Even the right code waits while the address is at its cap; after the window a fresh code verifies.
        var fresh = (await verification.IssueAsync(last.Id, 3))!.Code;
        Assert.Null((await attempts.VerifyAsync(last, fresh, CancellationToken.None)).Outcome);
        clock.Advance(AddressLimits.Window + TimeSpan.FromMinutes(1));
        var next = (await verification.IssueAsync(last.Id, 4))!.Code;
        Assert.Equal(VerifyResult.Verified, (await attempts.VerifyAsync(last, next, CancellationToken.None)).Outcome?.Result);
    }

    [Fact]
    public async Task A_right_code_gives_its_attempt_back()
    {
        var (_, verification, attempts) = Services();
        var email = $"person-{Guid.NewGuid():N}@example.com";
        for (var r = 0; r < Cap + 2; r++)
        {
            var request = Request(email);
            var code = (await verification.IssueAsync(request.Id, 1))!.Code;
            Assert.Equal(VerifyResult.Verified, (await attempts.VerifyAsync(request, code, CancellationToken.None)).Outcome?.Result);
        }
    }

    [Fact]
    public async Task A_slot_is_given_back_on_the_row_as_its_take_wrote_it_or_on_the_row_as_it_is_after_another_take()
    {
        var transactions = new Comintech.Dsr.Telemetry.StorageTransactions();
        var counted = azurite.CountedStorage(transactions);
        var limits = new AddressLimits(counted, new IdentifierHasher(TestOptions.HashKey), Options.Create(new LimitsOptions { FailedCodesPerAddressPerDay = 2 }), clock);
        var email = $"checker-{Guid.NewGuid():N}@example.com";

        var first = await limits.TakeCodeAttemptAsync(email, CancellationToken.None);
        await limits.ReleaseCodeAttemptAsync(email, first, CancellationToken.None);
        var onePair = transactions.Snapshot().Values.Sum();
        var second = await limits.TakeCodeAttemptAsync(email, CancellationToken.None);
        var third = await limits.TakeCodeAttemptAsync(email, CancellationToken.None);
        await limits.ReleaseCodeAttemptAsync(email, second, CancellationToken.None);

        Assert.Equal(3, onePair); // the take's read and write, the release's write
        Assert.True(first.Taken && second.Taken && third.Taken);
        // Two slots were in use at most, and one is free again: one more take fits under the cap of two, a second does not.
        Assert.True((await limits.TakeCodeAttemptAsync(email, CancellationToken.None)).Taken);
        Assert.False((await limits.TakeCodeAttemptAsync(email, CancellationToken.None)).Taken);
    }

    [Fact]
    public async Task Code_mails_per_address_are_capped_per_day_and_a_message_is_counted_once()
    {
        var (limits, _, _) = Services();
        var email = $"mailed-{Guid.NewGuid():N}@example.com";

        var taken = new List<bool>();
        foreach (var key in new[] { "a.code-1", "a.code-1", "b.code-1", "c.code-1", "d.code-1" })
        {
            taken.Add((await limits.TakeCodeMailAsync(email, key, CancellationToken.None)).Taken);
        }

        Assert.Equal([true, true, true, true, false], taken);
        Assert.True(await limits.CodeMailRetryAfterAsync(email, CancellationToken.None) > TimeSpan.FromHours(23));
        Assert.Equal(TimeSpan.Zero, await limits.CodeMailRetryAfterAsync("other-" + email, CancellationToken.None));
        clock.Advance(AddressLimits.Window);
        Assert.True((await limits.TakeCodeMailAsync(email, "d.code-1", CancellationToken.None)).Taken);
    }

    [Fact]
    public async Task Parallel_claims_for_one_address_and_type_open_one_request()
    {
        var (limits, _, _) = Services();
        var email = $"parallel-{Guid.NewGuid():N}@example.com";
        var candidates = Enumerable.Range(0, 6).Select(_ => RequestId.New()).ToList();

        var winners = await Task.WhenAll(candidates.Select(c =>
            limits.ClaimOpenRequestAsync(email, RequestType.Deletion, c, (_, _, _) => Task.FromResult(true), CancellationToken.None)));

        Assert.Single(winners.Distinct());
        Assert.Contains(winners[0], candidates);
    }
}

/// <summary>The code activity under the daily cap of code mails: over it, the code is held back and the resend waits.</summary>
public sealed class HeldCodeTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_code_over_the_addresss_daily_cap_is_not_mailed_and_is_recorded_as_held()
    {
        using var core = new WiredCore(azurite.ConnectionString, new Dictionary<string, string?> { ["Dsr:Limits:CodeMailsPerAddressPerDay"] = "2" });
        var email = $"capped-{Guid.NewGuid():N}@example.com";
        var activity = core.Get<Comintech.Dsr.Fulfilment.Activities.SendVerificationCodeActivity>();
        var requests = new List<DsrRequest>();
        for (var i = 0; i < 3; i++)
        {
            var request = await core.AddRequestAsync(RequestType.Access, new DataSubject(email, "Capped Person", null));
            requests.Add(request);
            await activity.RunAsync(new Comintech.Dsr.Fulfilment.SendCodeInput(request.Id, 1), CancellationToken.None);
        }

        var pickup = core.Get<Microsoft.Extensions.Options.IOptions<Comintech.Dsr.Notifications.MailOptions>>().Value.PickupDirectory;
        Assert.Equal(2, Directory.GetFiles(pickup, "*.code-1.eml").Length);
        Assert.False(File.Exists(Path.Combine(pickup, $"{requests[2].Id}.code-1.eml")));
        var evidence = await core.Get<Comintech.Dsr.Evidence.EvidenceLedger>().ReadAsync(requests[2].Id);
        Assert.Contains(evidence, e => e.EventType == Comintech.Dsr.Evidence.EvidenceEvents.VerificationHeld.Name);
        Assert.True(await core.Get<AddressLimits>().CodeMailRetryAfterAsync(email, CancellationToken.None) > TimeSpan.FromHours(23));
    }
}

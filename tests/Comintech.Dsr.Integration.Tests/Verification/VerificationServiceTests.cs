using Comintech.Dsr.Storage;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Testing;
using Comintech.Dsr.Verification;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Comintech.Dsr.Integration.Tests.Verification;

public sealed class VerificationServiceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));

    private VerificationService Service() => new(azurite.Storage, Options.Create(new VerificationOptions()), TestOptions.HashKey, clock);

    private static string Other(string code) => ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_right_code_verifies_once_and_the_hash_is_all_that_is_stored()
    {
        var service = Service();
        var id = RequestId.New();
        var issued = (await service.IssueAsync(id, 1))!;
        await service.MarkSentAsync(issued);
        var code = issued.Code;

        var row = (await azurite.Storage.Requests.GetEntityAsync<Azure.Data.Tables.TableEntity>(id, OwnRowKey.For("verification", id))).Value;
        Assert.DoesNotContain(row.Values(), v => v is string s && s.Contains(code, StringComparison.Ordinal));
        Assert.Equal(VerifyResult.Verified, (await service.VerifyAsync(id, code)).Result);
        Assert.Equal(VerifyResult.AlreadyVerified, (await service.VerifyAsync(id, code)).Result);
    }

    [Fact]
    public async Task A_code_verified_before_it_is_marked_sent_stays_verified_and_counts_as_sent()
    {
        var service = Service();
        var id = RequestId.New();
        var issued = (await service.IssueAsync(id, 1))!;
        Assert.Equal(VerifyResult.Verified, (await service.VerifyAsync(id, issued.Code)).Result);

        // The row as issued is stale now: the write is refused and made again on the verified row.
        await service.MarkSentAsync(issued);

        var row = (await azurite.Storage.Requests.GetEntityAsync<Azure.Data.Tables.TableEntity>(id, OwnRowKey.For("verification", id))).Value;
        Assert.True(row.GetBoolean("Verified"));
        Assert.True(row.GetBoolean("Sent"));
        Assert.Equal(1, row.GetInt32("SentCount"));
        Assert.DoesNotContain(issued.Code, issued.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_codes_lock_it_so_the_sixth_try_fails_even_when_right()
    {
        var service = Service();
        var id = RequestId.New();
        var code = (await service.IssueAsync(id, 1))!.Code;

        var left = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            var outcome = await service.VerifyAsync(id, Other(code));
            Assert.Equal(VerifyResult.WrongCode, outcome.Result);
            left.Add(outcome.AttemptsLeft);
        }

        Assert.Equal([4, 3, 2, 1, 0], left);
        Assert.Equal(VerifyResult.Locked, (await service.VerifyAsync(id, code)).Result);
    }

    [Fact]
    public async Task A_code_expires_after_its_ttl()
    {
        var service = Service();
        var id = RequestId.New();
        var code = (await service.IssueAsync(id, 1))!.Code;

        clock.Advance(TimeSpan.FromMinutes(31));

        Assert.Equal(VerifyResult.Expired, (await service.VerifyAsync(id, code)).Result);
    }

    [Fact]
    public async Task A_code_already_sent_is_not_issued_again_but_the_next_one_is()
    {
        var service = Service();
        var id = RequestId.New();
        var issuedFirst = (await service.IssueAsync(id, 1))!;
        await service.MarkSentAsync(issuedFirst);
        var first = issuedFirst.Code;

        Assert.Null(await service.IssueAsync(id, 1));
        var second = (await service.IssueAsync(id, 2))?.Code;
        Assert.NotNull(second);
        if (first != second)
        {
            Assert.Equal(VerifyResult.WrongCode, (await service.VerifyAsync(id, first)).Result);
        }

        Assert.Equal(VerifyResult.Verified, (await service.VerifyAsync(id, second!)).Result);
    }

    [Fact]
    public async Task Resends_are_spaced_and_capped()
    {
        var service = Service();
        var id = RequestId.New();
        await service.MarkSentAsync((await service.IssueAsync(id, 1))!);

        var tooSoon = await service.CheckResendAsync(id);
        Assert.Equal(ResendDecision.TooSoon, tooSoon.Decision);
        Assert.True(tooSoon.RetryAfter > TimeSpan.Zero);

        for (var issue = 2; issue <= 5; issue++)
        {
            clock.Advance(TimeSpan.FromMinutes(2));
            var check = await service.CheckResendAsync(id);
            Assert.Equal((ResendDecision.Allowed, issue), (check.Decision, check.NextIssue));
            await service.MarkSentAsync((await service.IssueAsync(id, issue))!);
        }

        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(ResendDecision.LimitReached, (await service.CheckResendAsync(id)).Decision);
    }

    [Fact]
    public async Task A_rerun_of_a_code_not_yet_recorded_as_sent_gives_the_same_code()
    {
        var service = Service();
        var id = RequestId.New();
        var mailed = (await service.IssueAsync(id, 1))!.Code;

        // The step stopped after the e-mail went out, before it recorded the code as sent: its re-run.
        var rerun = (await service.IssueAsync(id, 1))!;
        Assert.Equal(mailed, rerun.Code);
        await service.MarkSentAsync(rerun);
        Assert.Equal(VerifyResult.Verified, (await service.VerifyAsync(id, mailed)).Result);
    }

    [Fact]
    public async Task A_code_verified_while_it_is_being_recorded_as_sent_is_recorded_and_stays_verified()
    {
        var faults = new FaultInjection();
        var service = new VerificationService(faults.Storage(azurite.ConnectionString), Options.Create(new VerificationOptions()), TestOptions.HashKey, clock);
        var id = RequestId.New();
        var issued = (await service.IssueAsync(id, 1))!;
        // The person types the code after the step issued it, before its write marking it sent lands.
        faults.Before(FaultInjection.Write("RowKey='verification@"), async () => Assert.Equal(VerifyResult.Verified, (await Service().VerifyAsync(id, issued.Code)).Result));

        await service.MarkSentAsync(issued);

        var row = (await azurite.Storage.Requests.GetEntityAsync<Azure.Data.Tables.TableEntity>(id, OwnRowKey.For("verification", id))).Value;
        Assert.Equal((true, true, 1), (row.GetBoolean("Verified"), row.GetBoolean("Sent"), row.GetInt32("SentCount")));
        Assert.Null(await service.IssueAsync(id, 2));
        Assert.Equal(VerifyResult.AlreadyVerified, (await service.VerifyAsync(id, issued.Code)).Result);
    }
}

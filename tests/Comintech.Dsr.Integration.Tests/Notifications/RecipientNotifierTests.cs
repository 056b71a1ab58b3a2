using Comintech.Dsr.Connectors;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.LocalEngine.Storage;
using Comintech.Dsr.Recipients;
using Comintech.Dsr.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Comintech.Dsr.Integration.Tests.Notifications;

/// <summary>Recipients told of an erasure (GDPR Art. 19) by e-mail, by staff task (also when a webhook fails) or not at all (legal demand only).</summary>
public sealed class RecipientNotifierTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly string pickup = Directory.CreateTempSubdirectory("dsr-mail-").FullName;

    public void Dispose() => Directory.Delete(pickup, recursive: true);

    private ServiceProvider Services() => TestServices.Build(TestServices.Configuration(azurite.ConnectionString, pickup, new Dictionary<string, string?>
    {
        ["DataMap:Stores:0:Recipients:0"] = "payroll",
        ["DataMap:Stores:0:Recipients:1"] = "Auditors",
        ["DataMap:Stores:0:Recipients:2"] = "tax",
        ["DataMap:Stores:0:Recipients:3"] = "Resellers",
        ["DataMap:Recipients:0:Id"] = "payroll",
        ["DataMap:Recipients:0:Name"] = "Payroll bureau",
        ["DataMap:Recipients:0:Notify"] = "Webhook",
        ["DataMap:Recipients:0:Endpoint"] = $"http://127.0.0.1:{AzuriteProcess.FreePort()}/closed",
        ["DataMap:Recipients:0:SecretName"] = "Recipients:Payroll",
        ["Recipients:Payroll"] = "payroll-signing-secret-0123456789",
        ["DataMap:Recipients:1:Id"] = "auditors",
        ["DataMap:Recipients:1:Name"] = "Auditors",
        ["DataMap:Recipients:1:Notify"] = "Email",
        ["DataMap:Recipients:1:Email"] = "privacy@auditors.example",
        ["DataMap:Recipients:2:Id"] = "tax",
        ["DataMap:Recipients:2:Name"] = "Tax authority",
        ["DataMap:Recipients:2:Notify"] = "LegalDemandOnly",
    }));

    private static DsrRequest Request(RequestType type) => new(
        RequestId.New(), type, IntakeChannel.Api, Jurisdiction.GDPR, "en", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(30), RequestStatus.InProgress,
        new DataSubject("kim@example.com", "Kim Park", null), null, new Dictionary<string, string>());

    private static ConnectorOutcome Erased(OutcomeKind kind = OutcomeKind.Done) =>
        new("customer-accounts", ConnectorAction.Erase, kind, 1, 1, null, null, DateTimeOffset.UtcNow);

    [Fact]
    public async Task An_erasure_tells_each_recipient_once_by_its_channel_and_a_failed_webhook_becomes_a_staff_task()
    {
        using var services = Services();
        var notifier = services.GetRequiredService<RecipientNotifier>();
        var map = services.GetRequiredService<IOptions<DataMapOptions>>().Value;
        var ledger = services.GetRequiredService<EvidenceLedger>();
        var request = Request(RequestType.Deletion);

        var told = await notifier.NotifyAsync(request, [Erased()], map, CancellationToken.None);
        var again = await notifier.NotifyAsync(request, [Erased()], map, CancellationToken.None);

        Assert.Equal((3, 3), (told, again));
        var mail = await MailPickup.WaitForAsync(pickup, $"{request.Id}.recipient-auditors.eml", TimeSpan.FromSeconds(5));
        Assert.Contains("Under GDPR Art. 19", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("kim@example.com", mail.TextBody, StringComparison.Ordinal);
        var payrollTask = await MailPickup.WaitForAsync(pickup, $"{request.Id}.recipient-task-payroll.eml", TimeSpan.FromSeconds(5));
        Assert.Contains("The Webhook channel failed", payrollTask.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("kim@example.com", payrollTask.TextBody, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(pickup, $"{request.Id}.recipient-task-text-resellers.eml")));
        Assert.DoesNotContain(Directory.EnumerateFiles(pickup), f => f.Contains("recipient-task-tax", StringComparison.Ordinal) || f.Contains("recipient-tax", StringComparison.Ordinal));

        var evidence = await ledger.ReadAsync(request.Id);
        Assert.Equal(4, evidence.Count);
        Assert.Single(evidence, e => e.EventType == EvidenceEvents.RecipientNotified.Name && e.Details.Contains("Auditors", StringComparison.Ordinal));
        Assert.Single(evidence, e => e.EventType == EvidenceEvents.RecipientNotNotified.Name && e.Details.Contains("Tax authority", StringComparison.Ordinal));
        Assert.Equal(2, evidence.Count(e => e.EventType == EvidenceEvents.RecipientTaskOpened.Name));
        Assert.All(evidence, e => Assert.DoesNotContain("kim@example.com", e.Details, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nothing_is_told_for_an_access_request_or_a_store_that_held_nothing()
    {
        using var services = Services();
        var notifier = services.GetRequiredService<RecipientNotifier>();
        var map = services.GetRequiredService<IOptions<DataMapOptions>>().Value;

        Assert.Equal(0, await notifier.NotifyAsync(Request(RequestType.Access), [Erased()], map, CancellationToken.None));
        var deletion = Request(RequestType.Deletion);
        Assert.Equal(0, await notifier.NotifyAsync(deletion, [Erased(OutcomeKind.NothingFound)], map, CancellationToken.None));
        Assert.Empty(await services.GetRequiredService<EvidenceLedger>().ReadAsync(deletion.Id));
    }
}

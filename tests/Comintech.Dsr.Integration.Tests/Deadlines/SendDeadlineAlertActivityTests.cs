using Comintech.Dsr.Deadlines;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.Storage;
using Comintech.Dsr.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Comintech.Dsr.Integration.Tests.Deadlines;

/// <summary>A deadline alert reaches the staff mailbox without the person's identifiers and is kept as evidence.</summary>
public sealed class SendDeadlineAlertActivityTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly string pickup = Directory.CreateTempSubdirectory("dsr-mail-").FullName;

    public void Dispose() => Directory.Delete(pickup, recursive: true);

    [Fact]
    public async Task Reminder_and_escalation_go_to_staff_once_each_and_stop_when_the_request_is_closed()
    {
        using var services = TestServices.Build(TestServices.Configuration(
            azurite.ConnectionString, pickup, new Dictionary<string, string?> { ["Dsr:Staff:NotifyAddress"] = "privacy-team@comintech.example" }));
        var due = DateTimeOffset.UtcNow.AddDays(2);
        var request = new DsrRequest(
            RequestId.New(), RequestType.Deletion, IntakeChannel.Web, Jurisdiction.GDPR, "en", DateTimeOffset.UtcNow, due, RequestStatus.InProgress,
            new DataSubject("kim.secret@example.com", "Kim Secret", "ACC-9"), null, new Dictionary<string, string>());
        var requests = services.GetRequiredService<RequestStore>();
        await requests.AddAsync(request);
        var activity = services.GetRequiredService<SendDeadlineAlertActivity>();
        var reminder = new DeadlineAlertInput(request.Id, DeadlineAlertKind.Reminder, due.UtcDateTime, TimeSpan.FromDays(2));

        Assert.True(await activity.RunAsync(reminder, CancellationToken.None));
        Assert.True(await activity.RunAsync(reminder, CancellationToken.None)); // at least once: same mail, same evidence
        Assert.True(await activity.RunAsync(reminder with { Kind = DeadlineAlertKind.Overdue, Before = TimeSpan.Zero }, CancellationToken.None));
        await requests.SetStatusAsync(request.Id, RequestStatus.Completed);
        Assert.False(await activity.RunAsync(reminder with { Before = TimeSpan.FromDays(1) }, CancellationToken.None));

        var mails = Directory.GetFiles(pickup, $"{request.Id}.*.eml").Order().ToList();
        Assert.Equal(2, mails.Count);
        foreach (var mail in mails)
        {
            var text = await File.ReadAllTextAsync(mail);
            Assert.Contains("privacy-team@comintech.example", text, StringComparison.Ordinal);
            Assert.Contains(request.Id, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Kim", text, StringComparison.Ordinal);
            Assert.DoesNotContain("kim.secret", text, StringComparison.Ordinal);
        }

        var evidence = await services.GetRequiredService<EvidenceLedger>().ReadAsync(request.Id);
        Assert.Single(evidence, e => e.EventType == EvidenceEvents.DeadlineReminder.Name);
        Assert.Single(evidence, e => e.EventType == EvidenceEvents.DeadlineEscalated.Name);
    }
}

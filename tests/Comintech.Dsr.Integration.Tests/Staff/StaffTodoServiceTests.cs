using System.Globalization;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Connectors.ProcessorRouting;
using Comintech.Dsr.Connectors.Waiting;
using Comintech.Dsr.Domain;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.Evidence.Events;
using Comintech.Dsr.Staff;
using Comintech.Dsr.Storage;
using Comintech.Dsr.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Comintech.Dsr.Integration.Tests.Staff;

/// <summary>The staff to-do list read from the request rows, the waiting parts and the Client forwards.</summary>
public sealed class StaffTodoServiceTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private static readonly DateTimeOffset Start = DateTimeOffset.Parse("2026-11-02T09:00:00Z", CultureInfo.InvariantCulture);
    private readonly string pickup = Directory.CreateTempSubdirectory("dsr-mail-").FullName;

    public void Dispose() => Directory.Delete(pickup, recursive: true);

    [Fact]
    public async Task It_lists_triage_approvals_manual_steps_late_partners_escalated_clients_and_deadlines_within_seven_days_and_nothing_closed()
    {
        var clock = new FakeTimeProvider(Start);
        var settings = new Dictionary<string, string?>(TestServices.Store(1, "paper", "Manual", new Dictionary<string, string>()));
        var partnerSettings = new Dictionary<string, string> { ["PartnerId"] = "reseller", ["Email"] = "partner@example.com", ["SecretName"] = "Partners:reseller" };
        foreach (var (key, value) in TestServices.Store(2, "reseller", "PartnerWebhook", partnerSettings))
        {
            settings[key] = value;
        }

        using var services = TestServices.Build(TestServices.Configuration(azurite.ConnectionString, pickup, settings), s => s.AddSingleton<TimeProvider>(clock));
        var requests = services.GetRequiredService<RequestStore>();
        var waiting = services.GetRequiredService<WaitingStoreTable>();
        var map = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DataMapOptions>>().Value;

        async Task<DsrRequest> AddAsync(RequestStatus status, double dueInDays, string name)
        {
            var request = new DsrRequest(
                RequestId.New(), RequestType.Deletion, IntakeChannel.Web, Jurisdiction.GDPR, "en", Start, Start.AddDays(dueInDays), status,
                new DataSubject($"{name.ToLowerInvariant()}@example.com", name, null), null, new Dictionary<string, string>());
            await requests.AddAsync(request);
            return request;
        }

        Task OpenAsync(DsrRequest request, string storeId, string waitingOn) => waiting.OpenAsync(
            new ConnectorRequest(request.Id, map.Stores.Single(s => s.Id == storeId), ConnectorAction.Erase, "k", request.Subject, new Dictionary<string, string>()),
            waitingOn, CancellationToken.None);

        var triage = await AddAsync(RequestStatus.NeedsTriage, 30, "Tia");
        var approval = await AddAsync(RequestStatus.AwaitingApproval, 30, "Abe");
        var manual = await AddAsync(RequestStatus.InProgress, 30, "Max");
        var partner = await AddAsync(RequestStatus.InProgress, 30, "Pia");
        var lateToo = await AddAsync(RequestStatus.InProgress, 30, "Lou");
        var closed = await AddAsync(RequestStatus.Completed, 5, "Cy");
        var decided = await AddAsync(RequestStatus.AwaitingApproval, 30, "Dee"); // approved; the workflow has not moved it on yet
        await services.GetRequiredService<EvidenceLedger>().AppendAsync(decided.Id, ApprovalGranted.Key, new ApprovalGranted(), "staff:x");
        await OpenAsync(manual, "paper", "staff");
        await OpenAsync(partner, "reseller", "partner:reseller");
        await OpenAsync(closed, "paper", "staff");
        var forwards = services.GetRequiredService<ClientForwards>();
        await forwards.OpenAsync(closed.Id, "client-hosted", new HostedClient("northwind", "Northwind Bakery", "privacy@example.org", null, null, null), ConnectorAction.Erase, CancellationToken.None);
        await forwards.OpenAsync(lateToo.Id, "client-hosted", new HostedClient("contoso", "Contoso", "privacy@example.com", null, null, null), ConnectorAction.Erase, CancellationToken.None);
        await forwards.EscalatedAsync((await forwards.ListAsync(closed.Id, CancellationToken.None)).Single(), CancellationToken.None);

        clock.Advance(TimeSpan.FromDays(2));
        var early = await services.GetRequiredService<StaffTodoService>().ListAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(23)); // partner waiting 25 days (reminder interval 3 days); every request due within 5 days
        var later = await services.GetRequiredService<StaffTodoService>().ListAsync(CancellationToken.None);

        Assert.Equal(
            [("triage", triage.Id), ("approval", approval.Id), ("manual-step", manual.Id), ("client-escalated", closed.Id)],
            early.Items.Select(i => (i.Kind, i.RequestId)));
        Assert.Equal("Manual step: paper", early.Items.Single(i => i.Kind == "manual-step").Title);
        Assert.Equal("Client Northwind Bakery has not answered (escalated)", early.Items.Single(i => i.Kind == "client-escalated").Title);
        Assert.Equal(StaffTodoService.Kinds, early.Counts.Keys);
        Assert.Equal(0, early.Counts["deadline"]);

        var late = Assert.Single(later.Items, i => i.Kind == "partner-late");
        Assert.Equal((partner.Id, "reseller", "Partner for reseller has not confirmed in 25 day(s)"), (late.RequestId, late.StoreId, late.Title));
        Assert.Equal(
            new[] { triage.Id, approval.Id, manual.Id, partner.Id, lateToo.Id, decided.Id }.Order(StringComparer.Ordinal),
            later.Items.Where(i => i.Kind == "deadline").Select(i => i.RequestId).Order(StringComparer.Ordinal));
        Assert.All(later.Items.Where(i => i.Kind == "deadline"), i => Assert.Equal("Due in 5 day(s)", i.Title));
        Assert.DoesNotContain(later.Items, i => i.RequestId == closed.Id && i.Kind != "client-escalated");
        Assert.Equal("Max", later.Items.First(i => i.Kind == "manual-step").FullName);
    }
}

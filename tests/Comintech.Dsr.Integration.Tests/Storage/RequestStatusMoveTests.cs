using Comintech.Dsr.Domain;
using Comintech.Dsr.Fulfilment.Activities;
using Comintech.Dsr.Identity;
using Comintech.Dsr.Storage;
using Comintech.Dsr.Telemetry;
using Comintech.Dsr.Testing;

namespace Comintech.Dsr.Integration.Tests.Storage;

/// <summary>A status move from the row as read earlier (no second read) never moves a request back. Requests start InProgress.</summary>
public sealed class RequestStatusMoveTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly WiredCore core = new(azurite.ConnectionString, new Dictionary<string, string?>());

    public void Dispose() => core.Dispose();

    private RequestStore Requests => core.Get<RequestStore>();

    private Task<DsrRequest> NewAsync() => core.AddRequestAsync(RequestType.Deletion, new DataSubject($"ada-{Guid.NewGuid():N}@example.com", "Ada Example", null));

    [Fact]
    public async Task A_move_from_the_row_as_read_is_written_when_nothing_changed_it()
    {
        var (request, version) = await Requests.GetVersionedAsync((await NewAsync()).Id);

        Assert.True(await Requests.SetStatusAsync(request, version, RequestStatus.Completed));
        Assert.Equal(RequestStatus.Completed, (await Requests.GetAsync(request.Id)).Status);
    }

    [Theory]
    [InlineData(RequestStatus.Denied, false)]
    [InlineData(RequestStatus.Completed, true)]
    public async Task A_row_changed_after_the_read_is_decided_on_as_it_is_now(RequestStatus setMeanwhile, bool moved)
    {
        var (request, version) = await Requests.GetVersionedAsync((await NewAsync()).Id);
        await Requests.SetStatusAsync(request.Id, setMeanwhile);

        // Denied is final (not moved back); Completed is the move already made.
        Assert.Equal(moved, await Requests.SetStatusAsync(request, version, RequestStatus.Completed));
        Assert.Equal(setMeanwhile, (await Requests.GetAsync(request.Id)).Status);
    }

    [Fact]
    public async Task The_plan_step_keeps_the_identity_and_moves_the_request_in_one_write_after_its_one_read()
    {
        var request = TestRequests.New(RequestType.Deletion, RequestStatus.AwaitingVerification, subject: new DataSubject($"lin-{Guid.NewGuid():N}@example.com", "Lin", null));
        await Requests.AddAsync(request);
        var transactions = core.Get<StorageTransactions>();
        long OnRequests() => transactions.Snapshot().Where(c => c.Key.Resource == core.Get<DsrStorage>().Requests.Name).Sum(c => c.Value);
        var before = OnRequests();

        await core.Get<PlanFulfilmentActivity>().RunAsync(request.Id, CancellationToken.None);

        Assert.Equal(2, OnRequests() - before);
        var kept = await Requests.GetAsync(request.Id);
        Assert.Equal((RequestStatus.InProgress, IdentityTier.EmailCode), (kept.Status, kept.Identity!.Tier));
    }

    [Fact]
    public async Task A_request_closed_after_the_plan_step_read_it_keeps_the_identity_and_stays_closed()
    {
        var request = TestRequests.New(RequestType.Deletion, RequestStatus.AwaitingVerification, subject: new DataSubject($"noa-{Guid.NewGuid():N}@example.com", "Noa", null));
        await Requests.AddAsync(request);
        var (asRead, version) = await Requests.GetVersionedAsync(request.Id);
        await Requests.SetStatusAsync(request.Id, RequestStatus.Denied);

        await Requests.StartFulfilmentAsync(asRead, version, IdentityState.EmailOnly);

        var kept = await Requests.GetAsync(request.Id);
        Assert.Equal((RequestStatus.Denied, IdentityState.EmailOnly), (kept.Status, kept.Identity));
    }
}

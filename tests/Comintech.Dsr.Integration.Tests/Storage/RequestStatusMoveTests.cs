using Comintech.Dsr.Domain;
using Comintech.Dsr.Storage;
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

    [Fact]
    public async Task A_row_closed_after_the_read_is_not_moved_back()
    {
        var (request, version) = await Requests.GetVersionedAsync((await NewAsync()).Id);
        await Requests.SetStatusAsync(request.Id, RequestStatus.Denied);

        Assert.False(await Requests.SetStatusAsync(request, version, RequestStatus.Completed));
        Assert.Equal(RequestStatus.Denied, (await Requests.GetAsync(request.Id)).Status);
    }

    [Fact]
    public async Task A_row_moved_already_counts_as_moved_by_what_is_stored_now()
    {
        var (request, version) = await Requests.GetVersionedAsync((await NewAsync()).Id);
        await Requests.SetStatusAsync(request.Id, RequestStatus.Completed);

        Assert.True(await Requests.SetStatusAsync(request, version, RequestStatus.Completed));
        Assert.Equal(RequestStatus.Completed, (await Requests.GetAsync(request.Id)).Status);
    }
}

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
}

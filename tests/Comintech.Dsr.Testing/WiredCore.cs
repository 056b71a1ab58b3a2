using Comintech.Dsr.Domain;
using Comintech.Dsr.Identity;
using Comintech.Dsr.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Comintech.Dsr.Testing;

/// <summary>The core services wired against a test storage account, with their own mail pickup folder; disposed with the test.</summary>
public sealed class WiredCore : IDisposable
{
    private readonly string pickup = Directory.CreateTempSubdirectory("dsr-mail-").FullName;

    public WiredCore(string connectionString, IDictionary<string, string?> overrides, Action<IServiceCollection>? configure = null) =>
        Services = TestServices.Build(TestServices.Configuration(connectionString, pickup, overrides), configure);

    public ServiceProvider Services { get; }

    /// <summary>Where the core's notifier writes its mail (one .eml file per message key).</summary>
    public string PickupDirectory => pickup;

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>
    /// A verified, in-progress request for <paramref name="subject"/>, added to the request store; its account id is bound
    /// (as the system of record would bind the person's own account) unless <paramref name="accountBound"/> is false.
    /// </summary>
    public async Task<DsrRequest> AddRequestAsync(RequestType type, DataSubject subject, bool accountBound = true)
    {
        var request = new DsrRequest(
            RequestId.New(), type, IntakeChannel.Api, Jurisdiction.GDPR, "en", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(30),
            RequestStatus.InProgress, subject, null, new Dictionary<string, string>())
        {
            Identity = subject.AccountId is null ? null
                : accountBound ? IdentityState.ProvenBy(BindingSource.Record, subject.AccountId)
                : IdentityState.EmailOnly with { Unbound = UnboundReason.NotLinked },
        };
        await Get<RequestStore>().AddAsync(request);
        return request;
    }

    public void Dispose()
    {
        Services.Dispose();
        Directory.Delete(pickup, recursive: true);
    }
}

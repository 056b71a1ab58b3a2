using Comintech.Dsr.Domain;

namespace Comintech.Dsr.Testing;

/// <summary>Requests built directly, for tests that need one in the store in a given state.</summary>
public static class TestRequests
{
    public static DsrRequest New(
        RequestType type = RequestType.Deletion,
        RequestStatus status = RequestStatus.InProgress,
        DateTimeOffset? receivedAt = null,
        DateTimeOffset? dueAt = null,
        DataSubject? subject = null)
    {
        var received = receivedAt ?? DateTimeOffset.UtcNow;
        return new DsrRequest(
            RequestId.New(), type, IntakeChannel.Api, Jurisdiction.GDPR, "en", received, dueAt ?? received.AddDays(30), status,
            subject ?? new DataSubject("kim@example.com", "Kim", "ACC-77"), null, new Dictionary<string, string>());
    }
}

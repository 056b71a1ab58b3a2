using Comintech.Dsr.Storage;
using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Comintech.Dsr.Evidence;
using Comintech.Dsr.Fulfilment.Deletion;
using Comintech.Dsr.LocalEngine.Demo;
using Comintech.Dsr.Staff;
using Comintech.Dsr.StaffAccess;
using Comintech.Dsr.Testing;

namespace Comintech.Dsr.LocalEngine.Tests;

/// <summary>The engine with a fixed staff key, for the recovery routes.</summary>
public sealed class RecoveryEngineFixture : EngineFixture
{
    public const string ApiKey = "recovery-tests-key-0123456789";

    protected override IDictionary<string, string>? Settings => new Dictionary<string, string> { ["Staff__ApiKey"] = ApiKey };
}

/// <summary>A workflow that fails anyway is reported to staff with its step and reason, and staff restart it.</summary>
public sealed class WorkflowRecoveryTests(RecoveryEngineFixture fixture) : IClassFixture<RecoveryEngineFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    private EngineProcess Engine => fixture.Engine;

    private async Task<HttpResponseMessage> StaffPostAsync(string path)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative));
        message.Headers.Add(StaffAuthenticator.ApiKeyHeader, RecoveryEngineFixture.ApiKey);
        return await Engine.Http.SendAsync(message);
    }

    [Fact]
    public async Task A_failed_workflow_is_shown_with_its_step_and_a_restart_finishes_it_counting_the_earlier_verification()
    {
        var evidenceTable = fixture.Azurite.Storage.Evidence;
        var alan = DemoDataSeeder.People[2];
        var id = await Engine.SubmitAsync(new { type = "deletion", email = alan.Email, fullName = alan.FullName });
        // An altered first link: the certificate step refuses a broken chain, which no retry can heal.
        var first = (await evidenceTable.GetEntityAsync<TableEntity>(id, OwnRowKey.For("e:0000000001", id))).Value;
        var original = first.GetString("Details");
        first["Details"] = original.Replace("deletion", "access", StringComparison.Ordinal);
        await evidenceTable.UpdateEntityAsync(first, first.ETag, TableUpdateMode.Replace);
        using (var verified = await Engine.VerifyAsync(id, await Engine.CodeAsync(id)))
        {
            Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        }

        var failed = await WaitForEvidenceAsync(id, EvidenceEvents.WorkflowFailed.Name);
        Assert.Contains("\"step\":\"FinaliseRequest\"", failed.Details, StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException", failed.Details, StringComparison.Ordinal);
        await MailPickup.WaitForAsync(Engine.PickupDirectory, $"{id}.workflow-failed-1.eml", Wait);
        // The mail goes out from the failure step, just before the workflow itself ends Failed.
        var view = await WaitForDetailAsync(id, v => v.GetProperty("stage").GetString() == "Failed");
        Assert.Contains("restart", view.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));

        first = (await evidenceTable.GetEntityAsync<TableEntity>(id, OwnRowKey.For("e:0000000001", id))).Value;
        first["Details"] = original;
        await evidenceTable.UpdateEntityAsync(first, first.ETag, TableUpdateMode.Replace);
        using (var restarted = await StaffPostAsync($"/api/staff/requests/{id}/restart"))
        {
            Assert.Equal(HttpStatusCode.Accepted, restarted.StatusCode);
        }

        await WaitForEvidenceAsync(id, EvidenceEvents.WorkflowRestarted.Name);
        Assert.True(await WaitForCertificateAsync(id));
        var evidence = await new EvidenceLedger(fixture.Azurite.Storage, TimeProvider.System).ReadAsync(id);
        Assert.True(EvidenceLedger.Verify(evidence).IsIntact);
        Assert.Single(evidence, e => e.EventType == EvidenceEvents.Completed.Name);
        Assert.Single(evidence, e => e.EventType == EvidenceEvents.VerificationSent.Name);
        Assert.Equal("Completed", (await Engine.StatusAsync(id)).GetProperty("status").GetString());
        using (var again = await StaffPostAsync($"/api/staff/requests/{id}/restart"))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }
    }

    [Fact]
    public async Task Reconciliation_closes_a_request_whose_record_went_stale_after_its_workflow_finished()
    {
        var ada = DemoDataSeeder.People[0];
        var id = await Engine.SubmitAsync(new { type = "access", email = ada.Email, fullName = ada.FullName });
        using (await Engine.VerifyAsync(id, await Engine.CodeAsync(id)))
        {
        }

        await Engine.WaitForStatusAsync(id, "Completed", Wait);
        // The stale record the issue measured: evidence says completed, the record says in progress.
        await fixture.Azurite.Storage.Requests.UpdateEntityAsync(
            new TableEntity(id, OwnRowKey.For("request", id)) { ["Status"] = "InProgress" }, Azure.ETag.All, TableUpdateMode.Merge);

        using var response = await StaffPostAsync("/api/staff/reconcile");
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(report.GetProperty("repaired").GetInt32() >= 1);
        Assert.Equal("Completed", (await Engine.StatusAsync(id)).GetProperty("status").GetString());
        var evidence = await new EvidenceLedger(fixture.Azurite.Storage, TimeProvider.System).ReadAsync(id);
        Assert.Single(evidence, e => e.EventType == EvidenceEvents.Reconciled.Name);
        Assert.Single(evidence, e => e.EventType == EvidenceEvents.Completed.Name);
        Assert.True(EvidenceLedger.Verify(evidence).IsIntact);
    }

    [Fact]
    public async Task Staff_reconcile_reports_what_it_examined_and_needs_credentials()
    {
        using (var anonymous = await Engine.Http.PostAsync(new Uri("/api/staff/reconcile", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        using var response = await StaffPostAsync("/api/staff/reconcile");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, report.GetProperty("repaired").GetInt32());
        Assert.True(report.GetProperty("examined").GetInt32() >= 0);
    }

    private async Task<JsonElement> WaitForDetailAsync(string id, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            using var detail = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/staff/requests/{id}", UriKind.Relative));
            detail.Headers.Add(StaffAuthenticator.ApiKeyHeader, RecoveryEngineFixture.ApiKey);
            using var shown = await Engine.Http.SendAsync(detail);
            var view = await shown.Content.ReadFromJsonAsync<JsonElement>();
            if (condition(view))
            {
                return view;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The detail of {id} did not turn as expected after {Wait.TotalSeconds} s: {view}");
            await Task.Delay(250);
        }
    }

    private async Task<EvidenceRecord> WaitForEvidenceAsync(string id, string eventType)
    {
        var ledger = new EvidenceLedger(fixture.Azurite.Storage, TimeProvider.System);
        var deadline = DateTime.UtcNow + Wait;
        while (true)
        {
            if ((await ledger.ReadAsync(id)).FirstOrDefault(e => e.EventType == eventType) is { } found)
            {
                return found;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No {eventType} link for {id} after {Wait.TotalSeconds} s.\n{Engine.Output}");
            await Task.Delay(500);
        }
    }

    private async Task<bool> WaitForCertificateAsync(string id)
    {
        var blob = fixture.Azurite.Storage.EvidenceDocuments.GetBlobClient($"{id}/{DeletionCertificates.JsonName}");
        var deadline = DateTime.UtcNow + Wait;
        while (!await blob.ExistsAsync())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(500);
        }

        return true;
    }
}

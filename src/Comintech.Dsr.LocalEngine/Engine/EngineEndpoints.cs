using Comintech.Dsr.Connectors.ProcessorRouting;
using Comintech.Dsr.Fulfilment.Access;
using Comintech.Dsr.Http;
using Comintech.Dsr.Identity;
using Comintech.Dsr.Smoke;
using Comintech.Dsr.Staff;
using Comintech.Dsr.Web;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;

namespace Comintech.Dsr.LocalEngine.Engine;

/// <summary>The same public routes as the Functions app, bound to the shared handlers.</summary>
public static class EngineEndpoints
{
    public static WebApplication MapDsrEndpoints(this WebApplication app, int sidecarPort)
    {
        app.MapGrpcService<TaskHubGrpcServer>().RequireHost($"*:{sidecarPort}");

        app.MapGet("/", (HttpRequest http, UiLists lists) => RequestFormPage.Form(http, lists));
        app.MapGet(WebAssets.Route, (string name) => WebAssets.Serve(name));
        app.MapGet("/api/lists", (UiLists lists) => lists.Get());
        app.MapPost("/api/requests", (HttpRequest http, RequestHttpHandlers handlers, DurableTaskClient client) =>
            handlers.SubmitAsync(http, client));
        app.MapGet("/api/requests/{id}/recipients", (string id, Recipients.RecipientListHandler handler, CancellationToken ct) => handler.ListAsync(id, ct));
        app.MapGet("/api/requests/{id}", (string id, RequestHttpHandlers handlers, DurableTaskClient client, CancellationToken ct) =>
            handlers.StatusAsync(id, client, ct));
        app.MapPost("/api/requests/{id}/verify", (string id, HttpRequest http, RequestHttpHandlers handlers, DurableTaskClient client) =>
            handlers.VerifyAsync(http, id, client));
        app.MapGet("/api/requests/{id}/package", (string id, HttpRequest http, AccessPackageHttpHandlers handlers) =>
            handlers.DownloadAsync(http, id));
        app.MapPost("/api/requests/{id}/identity", (string id, HttpRequest http, IdentityHttpHandlers handlers, DurableTaskClient client) =>
            handlers.PresentLinkAsync(http, id, client));
        app.MapPost("/api/requests/{id}/resend", (string id, RequestHttpHandlers handlers, DurableTaskClient client, CancellationToken ct) =>
            handlers.ResendAsync(id, client, ct));
        // Staff routes: to be put behind staff authentication (see README).
        app.MapPost("/api/staff/backups/restored", (HttpRequest http, BackupHttpHandlers handlers, DurableTaskClient client) =>
            handlers.RestoredAsync(http, client));
        app.MapPost("/api/staff/requests/{id}/stores/{storeId}/done", (string id, string storeId, HttpRequest http, WaitingStoreHttpHandlers handlers, DurableTaskClient client) =>
            handlers.ManualStepDoneAsync(http, id, storeId, client));
        app.MapPost("/api/partners/{partnerId}/confirmations", (string partnerId, HttpRequest http, WaitingStoreHttpHandlers handlers, DurableTaskClient client) =>
            handlers.PartnerConfirmationAsync(http, partnerId, client));
        app.MapGet("/api/partners/{partnerId}/confirmations/link", (string partnerId, HttpRequest http, PartnerLinkHttpHandlers handlers) =>
            handlers.Form(http, partnerId));
        app.MapPost("/api/partners/{partnerId}/confirmations/link", (string partnerId, HttpRequest http, PartnerLinkHttpHandlers handlers, DurableTaskClient client) =>
            handlers.ConfirmAsync(http, partnerId, client));
        app.MapPost("/api/clients/{clientId}/answers", (string clientId, HttpRequest http, ClientAnswerHttpHandlers handlers) =>
            handlers.AnswerAsync(http, clientId));
        app.MapGet("/api/clients/{clientId}/answers/link", (string clientId, HttpRequest http, ClientAnswerHttpHandlers handlers) =>
            handlers.FormAsync(http, clientId));
        app.MapPost("/api/clients/{clientId}/answers/link", (string clientId, HttpRequest http, ClientAnswerHttpHandlers handlers) =>
            handlers.FormAnswerAsync(http, clientId));
        app.MapGet("/api/staff/requests/{id}/clients", (string id, HttpRequest http, ClientAnswerHttpHandlers handlers) =>
            handlers.ListAsync(http, id));
        app.MapPost("/api/inbound/sendgrid", (HttpRequest http, InboundMailHttpHandlers handlers, DurableTaskClient client) =>
            handlers.SendGridAsync(http, client));
        app.MapPost("/api/smoke/requests", (HttpRequest http, SmokeHttpHandlers smoke, DurableTaskClient client) => smoke.StartAsync(http, client));
        app.MapPost("/api/smoke/requests/{id}/verify", (string id, HttpRequest http, SmokeHttpHandlers smoke, DurableTaskClient client) =>
            smoke.VerifyAsync(http, id, client));
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));

        app.MapGet("/staff", (StaffAuthenticator authenticator) => StaffConsolePage.Page(authenticator.TrustsClientPrincipal));
        app.MapGet("/api/staff/me", (HttpRequest http, StaffQueryHandlers staff) => staff.Me(http));
        app.MapGet("/api/staff/requests", (HttpRequest http, StaffQueryHandlers staff) => staff.ListAsync(http));
        app.MapGet("/api/staff/requests/{id}", (string id, HttpRequest http, StaffQueryHandlers staff, DurableTaskClient client) =>
            staff.DetailAsync(http, id, client));
        app.MapGet("/api/staff/export", (HttpRequest http, StaffQueryHandlers staff) => staff.ExportAsync(http));
        app.MapGet("/api/staff/metrics", (HttpRequest http, StaffQueryHandlers staff) => staff.MetricsAsync(http));
        app.MapPost("/api/staff/requests/{id}/approve", (string id, HttpRequest http, StaffActionHandlers staff, DurableTaskClient client) =>
            staff.ApproveAsync(http, id, client));
        app.MapPost("/api/staff/requests/{id}/deny", (string id, HttpRequest http, StaffActionHandlers staff, DurableTaskClient client) =>
            staff.DenyAsync(http, id, client));
        app.MapPost("/api/staff/requests/{id}/extend", (string id, HttpRequest http, StaffActionHandlers staff, DurableTaskClient client) =>
            staff.ExtendAsync(http, id, client));
        app.MapPost("/api/staff/requests/{id}/refuse", (string id, HttpRequest http, StaffActionHandlers staff, DurableTaskClient client) =>
            staff.RefuseAsync(http, id, client));
        app.MapPost("/api/staff/requests/{id}/classify", (string id, HttpRequest http, StaffTriageHandlers staff, DurableTaskClient client) =>
            staff.ClassifyAsync(http, id, client));
        app.MapPost("/api/staff/requests/{id}/identity/bind", (string id, HttpRequest http, IdentityHttpHandlers handlers, DurableTaskClient client) =>
            handlers.StaffBindAsync(http, id, client));
        app.MapPost("/api/staff/requests/{id}/stores/{storeId}/rerun", (string id, string storeId, HttpRequest http, StaffActionHandlers staff, DurableTaskClient client) =>
            staff.RerunStoreAsync(http, id, storeId, client));
        app.MapPost("/api/staff/requests/{id}/restart", (string id, HttpRequest http, StaffRecoveryHandlers staff, DurableTaskClient client) =>
            staff.RestartAsync(http, id, client));
        app.MapGet("/api/staff/requests/{id}/review", (string id, HttpRequest http, AccessReviewHandlers review) => review.GetAsync(http, id));
        app.MapPost("/api/staff/requests/{id}/review/remove", (string id, HttpRequest http, AccessReviewHandlers review) => review.RemoveAsync(http, id));
        app.MapPost("/api/staff/requests/{id}/review/release", (string id, HttpRequest http, AccessReviewHandlers review, DurableTaskClient client) =>
            review.ReleaseAsync(http, id, client));
        app.MapPost("/api/staff/reconcile", (HttpRequest http, StaffRecoveryHandlers staff, DurableTaskClient client) =>
            staff.ReconcileAsync(http, client));
        return app;
    }
}

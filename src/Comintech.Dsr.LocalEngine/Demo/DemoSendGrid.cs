using System.Text.Json.Nodes;
using Azure;

namespace Comintech.Dsr.LocalEngine.Demo;

/// <summary>
/// A DEMO stand-in for the part of the SendGrid Marketing API the <c>SendGridMarketing</c> connector calls, hosted by the
/// local engine only when demo data is on, under <c>/demo/sendgrid/v3/</c> and the same API-key rule. Contacts are rows
/// of table <c>DemoNewsletterContacts</c> (a real local store: erasure deletes the row), suppressions rows of
/// <c>DemoNewsletterSuppressions</c>.
/// </summary>
public sealed class DemoSendGrid(DsrStorage storage, IConfiguration configuration)
{
    public const string Prefix = "/demo/sendgrid/v3";
    public const string ContactsTable = "DemoNewsletterContacts";
    public const string SuppressionsTable = "DemoNewsletterSuppressions";
    public const string ContactsPartition = "contacts";
    public static readonly (string Id, string Name) List = ("list-monthly", "Comintech monthly news (demo)");

    private TableClient Contacts => storage.Tables.GetTableClient(ContactsTable);

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup(Prefix).AddEndpointFilter(async (context, next) =>
            context.HttpContext.RequestServices.GetRequiredService<DemoSendGrid>().Authorised(context.HttpContext.Request)
                ? await next(context)
                : Results.Json(new { errors = new[] { new { message = "authorization required" } } }, statusCode: StatusCodes.Status401Unauthorized));
        api.MapPost("/marketing/contacts/search/emails", (JsonObject body, DemoSendGrid sendGrid, CancellationToken ct) => sendGrid.SearchAsync(body, ct));
        api.MapGet("/marketing/lists", () => Results.Json(new { result = new[] { new { id = List.Id, name = List.Name } } }));
        api.MapPut("/marketing/contacts", (JsonObject body, DemoSendGrid sendGrid, CancellationToken ct) => sendGrid.UpdateAsync(body, ct));
        api.MapPost("/asm/suppressions/global", (JsonObject body, DemoSendGrid sendGrid, CancellationToken ct) => sendGrid.SuppressAsync(body, ct));
        api.MapDelete("/marketing/contacts", (string ids, DemoSendGrid sendGrid, CancellationToken ct) => sendGrid.DeleteAsync(ids, ct));
    }

    private bool Authorised(HttpRequest request) =>
        configuration[DemoSetup.SendGridApiKeyName] is { Length: > 0 } key && request.Headers.Authorization.ToString() == "Bearer " + key;

    private async Task<IResult> SearchAsync(JsonObject body, CancellationToken cancellationToken)
    {
        var result = new JsonObject();
        foreach (var email in Emails(body, "emails"))
        {
            var row = await Contacts.GetEntityIfExistsAsync<TableEntity>(ContactsPartition, email, cancellationToken: cancellationToken);
            if (row.HasValue)
            {
                result[email] = new JsonObject { ["contact"] = Contact(row.Value!) };
            }
        }

        return result.Count == 0 ? Results.NotFound(new { errors = new[] { new { message = "No contacts found" } } }) : Results.Json(new { result });
    }

    private async Task<IResult> UpdateAsync(JsonObject body, CancellationToken cancellationToken)
    {
        foreach (var contact in (body["contacts"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var email = contact["email"]?.GetValue<string>().ToLowerInvariant();
            var row = email is null ? null : (await Contacts.GetEntityIfExistsAsync<TableEntity>(ContactsPartition, email, cancellationToken: cancellationToken)).Value;
            if (row is not null)
            {
                foreach (var (field, value) in contact.Where(f => f.Key != "email"))
                {
                    row[field] = value?.ToString();
                }

                await Contacts.UpdateEntityAsync(row, ETag.All, TableUpdateMode.Merge, cancellationToken);
            }
        }

        return Results.Accepted(value: new { job_id = Guid.NewGuid().ToString() });
    }

    private async Task<IResult> SuppressAsync(JsonObject body, CancellationToken cancellationToken)
    {
        var suppressions = storage.Tables.GetTableClient(SuppressionsTable);
        await suppressions.CreateIfNotExistsAsync(cancellationToken);
        var emails = Emails(body, "recipient_emails").ToList();
        foreach (var email in emails)
        {
            await suppressions.UpsertEntityAsync(new TableEntity("global", email), cancellationToken: cancellationToken);
        }

        return Results.Json(new { recipient_emails = emails }, statusCode: StatusCodes.Status201Created);
    }

    private async Task<IResult> DeleteAsync(string ids, CancellationToken cancellationToken)
    {
        foreach (var id in ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            await foreach (var row in Contacts.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {ContactsPartition} and Id eq {id}"), cancellationToken: cancellationToken))
            {
                await Contacts.DeleteEntityAsync(row, ETag.All, cancellationToken);
            }
        }

        return Results.Accepted(value: new { job_id = Guid.NewGuid().ToString() });
    }

    private static IEnumerable<string> Emails(JsonObject body, string field) =>
        (body[field] as JsonArray ?? []).Select(e => e?.GetValue<string>().Trim().ToLowerInvariant()).OfType<string>().Where(e => e.Length is > 0 and < 255 && !e.Any(c => c is '/' or '\\' or '#' or '?'));

    private static JsonObject Contact(TableEntity row) => new()
    {
        ["id"] = row.GetString("Id"),
        ["email"] = row.RowKey,
        ["first_name"] = row.GetString("first_name"),
        ["last_name"] = row.GetString("last_name"),
        ["list_ids"] = new JsonArray(List.Id),
    };
}

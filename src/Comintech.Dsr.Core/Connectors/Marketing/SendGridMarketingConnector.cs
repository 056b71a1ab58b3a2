using SendGrid;

namespace Comintech.Dsr.Connectors.Marketing;

/// <summary>
/// E-mail marketing contacts in SendGrid Marketing Campaigns. Access exports the contact and its list memberships;
/// erasure puts the address on the global suppression list (so a later import can never mail it again) and then
/// deletes the contact; rectification updates mapped contact fields.
/// </summary>
/// <remarks>
/// Settings: <c>ApiKeyName</c> (required: the configuration key holding the API key); <c>Host</c> (the API's base
/// address; default https://api.sendgrid.com). <c>Fields</c> maps request fields to SendGrid contact fields
/// (e.g. <c>phone</c> → <c>phone_number</c>).
/// </remarks>
public sealed class SendGridMarketingConnector(IConfiguration configuration, ConnectorExports exports, TimeProvider clock) : IDataStoreConnector
{
    public const string KindName = "SendGridMarketing";

    private readonly ConcurrentDictionary<(string, string), SendGridClient> clients = new();

    public string Kind => KindName;

    public async Task<ConnectorOutcome> ExportAsync(ConnectorRequest request, CancellationToken cancellationToken)
    {
        var client = Client(request.Store);
        var contacts = await FindAsync(client, request, cancellationToken);
        if (contacts.Count == 0)
        {
            return request.Outcome(OutcomeKind.NothingFound, 0, 0, null, null, clock.GetUtcNow());
        }

        var listNames = await ListNamesAsync(client, cancellationToken);
        var records = contacts.Select(contact => new
        {
            contact,
            lists = (contact["list_ids"] as JsonArray ?? []).Select(id => id?.GetValue<string>() ?? "")
                .Select(id => new { id, name = listNames.GetValueOrDefault(id) }).ToList(),
        }).ToList();
        var path = await exports.WriteAsync(request, records, cancellationToken);
        return request.Outcome(OutcomeKind.Done, contacts.Count, contacts.Count, null, path, clock.GetUtcNow());
    }

    public async Task<ConnectorOutcome> RectifyAsync(ConnectorRequest request, CancellationToken cancellationToken)
    {
        var client = Client(request.Store);
        var changes = request.Corrections.Where(c => request.Store.Fields.ContainsKey(c.Key)).ToList();
        var unheld = request.Corrections.Keys.Where(k => !request.Store.Fields.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var note = unheld.Count > 0 ? $"Fields this store does not hold: {string.Join(", ", unheld)}." : null;
        var contacts = await FindAsync(client, request, cancellationToken);
        if (contacts.Count == 0 || changes.Count == 0)
        {
            return request.Outcome(OutcomeKind.NothingFound, contacts.Count, 0, note, null, clock.GetUtcNow());
        }

        var contact = new JsonObject { ["email"] = request.Subject.NormalisedEmail };
        foreach (var (field, value) in changes)
        {
            contact[request.Store.Fields[field]] = value;
        }

        await SendAsync(client, BaseClient.Method.PUT, "marketing/contacts", new JsonObject { ["contacts"] = new JsonArray(contact) }, null, "contact update", cancellationToken);
        return request.Outcome(OutcomeKind.Done, contacts.Count, contacts.Count, note, null, clock.GetUtcNow());
    }

    public async Task<ConnectorOutcome> EraseAsync(ConnectorRequest request, CancellationToken cancellationToken)
    {
        var client = Client(request.Store);
        var contacts = await FindAsync(client, request, cancellationToken);
        if (contacts.Count == 0)
        {
            return request.Outcome(OutcomeKind.NothingFound, 0, 0, null, null, clock.GetUtcNow());
        }

        // Suppress first: a re-run after a crash between the two calls still finds the contact and finishes both.
        var emails = new JsonArray([.. contacts.Select(c => (JsonNode?)JsonValue.Create(c["email"]?.GetValue<string>() ?? request.Subject.NormalisedEmail))]);
        await SendAsync(client, BaseClient.Method.POST, "asm/suppressions/global", new JsonObject { ["recipient_emails"] = emails }, null, "global suppression", cancellationToken);
        var ids = string.Join(',', contacts.Select(c => c["id"]?.GetValue<string>()).OfType<string>());
        await SendAsync(client, BaseClient.Method.DELETE, "marketing/contacts", null, JsonSerializer.Serialize(new { ids }), "contact deletion", cancellationToken);
        return request.Outcome(
            OutcomeKind.Done, contacts.Count, contacts.Count,
            "Contact deleted; the address stays on the global suppression list so it is never mailed or re-imported.", null, clock.GetUtcNow());
    }

    public bool SuppressesMarketing => true;

    /// <summary>Opt-out: the address goes on the global suppression list (idempotent); the contact itself is kept.</summary>
    public async Task<ConnectorOutcome> SuppressAsync(ConnectorRequest request, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["recipient_emails"] = new JsonArray(request.Subject.NormalisedEmail) };
        await SendAsync(Client(request.Store), BaseClient.Method.POST, "asm/suppressions/global", body, null, "global suppression", cancellationToken);
        return request.Outcome(
            OutcomeKind.Done, 1, 1, "The address is on the global suppression list: no marketing e-mail is sent to it.", null, clock.GetUtcNow());
    }

    public IEnumerable<string> ValidateSettings(DataStoreDefinition store)
    {
        if (store.Setting("ApiKeyName") is null)
        {
            yield return "Settings:ApiKeyName is required (the configuration key holding the SendGrid API key).";
        }

        if (store.Setting("Host") is { } host && !Uri.TryCreate(host, UriKind.Absolute, out _))
        {
            yield return $"Settings:Host '{host}' is not an absolute URL.";
        }
    }

    private static async Task<List<JsonObject>> FindAsync(SendGridClient client, ConnectorRequest request, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["emails"] = new JsonArray(request.Subject.NormalisedEmail) };
        var response = await client.RequestAsync(BaseClient.Method.POST, body.ToJsonString(), null, "marketing/contacts/search/emails", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        var json = await ReadAsync(response, "contact search", cancellationToken);
        return (json?["result"] as JsonObject ?? [])
            .Select(entry => entry.Value?["contact"] as JsonObject)
            .OfType<JsonObject>()
            .ToList();
    }

    private static async Task<Dictionary<string, string>> ListNamesAsync(SendGridClient client, CancellationToken cancellationToken)
    {
        var response = await client.RequestAsync(BaseClient.Method.GET, null, """{"page_size":1000}""", "marketing/lists", cancellationToken);
        var json = await ReadAsync(response, "list lookup", cancellationToken);
        return (json?["result"] as JsonArray ?? [])
            .Select(l => (Id: l?["id"]?.GetValue<string>(), Name: l?["name"]?.GetValue<string>()))
            .Where(l => l.Id is not null)
            .ToDictionary(l => l.Id!, l => l.Name ?? "", StringComparer.Ordinal);
    }

    private static async Task SendAsync(
        SendGridClient client, BaseClient.Method method, string path, JsonObject? body, string? query, string operation, CancellationToken cancellationToken) =>
        await ReadAsync(await client.RequestAsync(method, body?.ToJsonString(), query, path, cancellationToken), operation, cancellationToken);

    /// <summary>The answer's JSON; a refusal fails with the operation and status only (bodies may quote the address).</summary>
    private static async Task<JsonNode?> ReadAsync(SendGrid.Response response, string operation, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new ConnectorException($"SendGrid refused the {operation} (HTTP {(int)response.StatusCode}).");
        }

        var text = response.Body is null ? "" : await response.Body.ReadAsStringAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
    }

    private SendGridClient Client(DataStoreDefinition store)
    {
        var keyName = store.Setting("ApiKeyName") ?? throw new ConnectorException($"Store '{store.Id}' has no ApiKeyName setting.");
        var host = store.Setting("Host") ?? "https://api.sendgrid.com";
        return clients.GetOrAdd((keyName, host), key => new SendGridClient(new SendGridClientOptions
        {
            ApiKey = configuration[key.Item1] is { Length: > 0 } apiKey ? apiKey : throw new ConnectorException($"Configuration key '{key.Item1}' holds no API key."),
            Host = key.Item2.TrimEnd('/'),
        }));
    }
}

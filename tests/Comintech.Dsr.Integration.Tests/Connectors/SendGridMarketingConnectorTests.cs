using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Comintech.Dsr.Connectors;
using Comintech.Dsr.Connectors.Marketing;
using Comintech.Dsr.Domain;
using Comintech.Dsr.LocalEngine.Storage;
using Comintech.Dsr.Testing;
using Microsoft.Extensions.Configuration;

namespace Comintech.Dsr.Integration.Tests.Connectors;

/// <summary>The marketing connector through the SendGrid client against a loopback server standing in for the Marketing API.</summary>
public sealed class SendGridMarketingConnectorTests : IClassFixture<AzuriteFixture>, IDisposable
{
    private static readonly DataSubject Ada = new("Ada.Lovelace@example.com", "Ada Lovelace", "ACC-1");
    private readonly HttpListener server = new();
    private readonly string baseAddress = $"http://127.0.0.1:{AzuriteProcess.FreePort()}/";
    private readonly ConcurrentDictionary<string, JsonObject> contacts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentBag<string> suppressed = [];
    private readonly ConcurrentQueue<string> calls = new();
    private readonly CancellationTokenSource stop = new();
    private readonly AzuriteFixture azurite;
    private int failWith;

    public SendGridMarketingConnectorTests(AzuriteFixture azurite)
    {
        this.azurite = azurite;
        server.Prefixes.Add(baseAddress);
        server.Start();
        contacts["ada.lovelace@example.com"] = new JsonObject { ["id"] = "c-ada", ["email"] = "ada.lovelace@example.com", ["first_name"] = "Ada", ["list_ids"] = new JsonArray("l-news", "l-offers") };
        contacts["grace@example.org"] = new JsonObject { ["id"] = "c-grace", ["email"] = "grace@example.org", ["list_ids"] = new JsonArray("l-news") };
        _ = Task.Run(ServeAsync);
    }

    public void Dispose()
    {
        stop.Cancel();
        server.Close();
    }

    private SendGridMarketingConnector Connector() => new(
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Marketing:ApiKey"] = "SG.marketing-key" }).Build(),
        new ConnectorExports(azurite.Storage, TimeProvider.System),
        TimeProvider.System);

    private ConnectorRequest Request(ConnectorAction action, DataSubject? subject = null, Dictionary<string, string>? corrections = null) => new(
        RequestId.New(),
        new DataStoreDefinition
        {
            Id = "newsletter",
            Name = "Newsletter",
            Kind = SendGridMarketingConnector.KindName,
            Settings = new(StringComparer.OrdinalIgnoreCase) { ["ApiKeyName"] = "Marketing:ApiKey", ["Host"] = baseAddress },
            Fields = new(StringComparer.OrdinalIgnoreCase) { ["phone"] = "phone_number" },
        },
        action, "key", subject ?? Ada, corrections ?? []);

    [Fact]
    public async Task Access_exports_the_contact_and_the_names_of_its_lists()
    {
        var outcome = await Connector().ExportAsync(Request(ConnectorAction.Export), CancellationToken.None);

        Assert.Equal((OutcomeKind.Done, 1), (outcome.Kind, outcome.RecordsFound));
        var json = (await azurite.Storage.Exports.GetBlobClient(outcome.ArtifactPath).DownloadContentAsync()).Value.Content.ToString();
        var lists = JsonNode.Parse(json)!["records"]![0]!["lists"]!.AsArray().Select(l => l!["name"]!.GetValue<string>());
        Assert.Equal(["Monthly news", "Offers"], lists);
        Assert.DoesNotContain("grace", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasure_suppresses_the_address_then_deletes_the_contact_and_a_rerun_finds_nothing()
    {
        var connector = Connector();

        var first = await connector.EraseAsync(Request(ConnectorAction.Erase), CancellationToken.None);
        var second = await connector.EraseAsync(Request(ConnectorAction.Erase), CancellationToken.None);

        Assert.Equal((OutcomeKind.Done, 1), (first.Kind, first.RecordsAffected));
        Assert.Equal(OutcomeKind.NothingFound, second.Kind);
        Assert.DoesNotContain("lovelace", first.Note, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["ada.lovelace@example.com"], suppressed);
        Assert.Equal(["grace@example.org"], contacts.Keys);
        var order = calls.Where(c => !c.Contains("search", StringComparison.Ordinal)).ToList();
        Assert.Equal(["POST /v3/asm/suppressions/global Bearer SG.marketing-key", "DELETE /v3/marketing/contacts?ids=c-ada Bearer SG.marketing-key"], order);
    }

    [Fact]
    public async Task Someone_not_in_marketing_is_not_added_to_the_suppression_list()
    {
        var outcome = await Connector().EraseAsync(Request(ConnectorAction.Erase, new DataSubject("alan@example.net", "Alan", null)), CancellationToken.None);

        Assert.Equal(OutcomeKind.NothingFound, outcome.Kind);
        Assert.Empty(suppressed);
    }

    [Fact]
    public async Task Rectification_updates_mapped_fields_only()
    {
        var outcome = await Connector().RectifyAsync(Request(ConnectorAction.Rectify, corrections: new() { ["phone"] = "+44 1", ["shoeSize"] = "9" }), CancellationToken.None);

        Assert.Equal(1, outcome.RecordsAffected);
        Assert.Equal("Fields this store does not hold: shoeSize.", outcome.Note);
        Assert.Equal("+44 1", contacts["ada.lovelace@example.com"]["phone_number"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_refusal_fails_without_naming_the_person()
    {
        failWith = 500;

        var error = await Assert.ThrowsAsync<ConnectorException>(() => Connector().EraseAsync(Request(ConnectorAction.Erase), CancellationToken.None));

        Assert.Equal("SendGrid refused the contact search (HTTP 500).", error.Message);
    }

    private async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await server.GetContextAsync();
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var (status, answer) = Answer(context.Request, body);
            calls.Enqueue($"{context.Request.HttpMethod} {context.Request.Url!.PathAndQuery} {context.Request.Headers["Authorization"]}");
            context.Response.StatusCode = status;
            var bytes = Encoding.UTF8.GetBytes(answer?.ToJsonString() ?? "");
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private (int Status, JsonNode? Body) Answer(HttpListenerRequest request, string body)
    {
        if (failWith != 0)
        {
            return (failWith, new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["message"] = "internal error for ada.lovelace@example.com" }) });
        }

        switch (request.HttpMethod, request.Url!.AbsolutePath)
        {
            case ("POST", "/v3/marketing/contacts/search/emails"):
                var result = new JsonObject();
                foreach (var email in JsonNode.Parse(body)!["emails"]!.AsArray().Select(e => e!.GetValue<string>()))
                {
                    if (contacts.TryGetValue(email, out var contact))
                    {
                        result[email] = new JsonObject { ["contact"] = contact.DeepClone() };
                    }
                }

                return result.Count == 0 ? (404, new JsonObject { ["errors"] = new JsonArray() }) : (200, new JsonObject { ["result"] = result });
            case ("GET", "/v3/marketing/lists"):
                return (200, JsonNode.Parse("""{"result":[{"id":"l-news","name":"Monthly news"},{"id":"l-offers","name":"Offers"}]}"""));
            case ("POST", "/v3/asm/suppressions/global"):
                foreach (var email in JsonNode.Parse(body)!["recipient_emails"]!.AsArray())
                {
                    suppressed.Add(email!.GetValue<string>());
                }

                return (201, JsonNode.Parse(body));
            case ("DELETE", "/v3/marketing/contacts"):
                var ids = (request.QueryString["ids"] ?? "").Split(',');
                foreach (var key in contacts.Where(c => ids.Contains(c.Value["id"]!.GetValue<string>())).Select(c => c.Key).ToList())
                {
                    contacts.TryRemove(key, out _);
                }

                return (202, new JsonObject { ["job_id"] = "job-1" });
            case ("PUT", "/v3/marketing/contacts"):
                foreach (var update in JsonNode.Parse(body)!["contacts"]!.AsArray().OfType<JsonObject>())
                {
                    var target = contacts[update["email"]!.GetValue<string>()];
                    foreach (var (field, value) in update)
                    {
                        target[field] = value?.DeepClone();
                    }
                }

                return (202, new JsonObject { ["job_id"] = "job-2" });
            default:
                return (404, null);
        }
    }
}

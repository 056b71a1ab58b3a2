using Comintech.Dsr.Storage;

namespace Comintech.Dsr.Infra.Tests;

/// <summary>
/// The privacy inbox's blob trigger on Flex Consumption: Event Grid source, the host account's system topic in the
/// template, and the postdeploy hook that subscribes the function to BlobCreated in <c>inbound-mail</c>.
/// </summary>
public class InboundMailEventGridTests(CompiledTemplate template) : IClassFixture<CompiledTemplate>
{
    private const string Script = "subscribe-inbound-mail.sh";

    private static readonly Dictionary<string, string> AzdOutputs = new()
    {
        ["AZURE_RESOURCE_GROUP"] = "rg-dsr-prod",
        ["AZURE_FUNCTION_APP_NAME"] = "func-dsr-abc",
        ["DSR_FUNCTION_APP_HOST"] = "func-dsr-abc.azurewebsites.net",
        ["DSR_INBOUND_MAIL_SYSTEM_TOPIC"] = "sthostabc-events",
        ["DSR_INBOUND_MAIL_CONTAINER"] = DsrStorage.InboundMailContainer,
        ["DSR_HOOK_KEY_WAIT_SECONDS"] = "0",
    };

    [Fact]
    public void The_host_account_publishes_its_blob_events_on_a_system_topic_named_in_the_outputs()
    {
        var topic = template.Arm.Single("Microsoft.EventGrid/systemTopics");

        Assert.Equal("hostStorage", topic.Module);
        Assert.Equal("Microsoft.Storage.StorageAccounts", topic.Properties.GetProperty("topicType").GetString());
        Assert.Equal("[resourceId('Microsoft.Storage/storageAccounts', parameters('name'))]", topic.Properties.GetProperty("source").GetString());
        var outputs = template.Arm.Root.GetProperty("outputs");
        Assert.Equal("[reference('hostStorage').outputs.systemTopicName.value]", outputs.GetProperty("DSR_INBOUND_MAIL_SYSTEM_TOPIC").GetProperty("value").GetString());
        Assert.Equal(DsrStorage.InboundMailContainer, outputs.GetProperty("DSR_INBOUND_MAIL_CONTAINER").GetProperty("value").GetString());
        Assert.Equal("[reference('functionApp').outputs.defaultHostName.value]", outputs.GetProperty("DSR_FUNCTION_APP_HOST").GetProperty("value").GetString());
    }

    [Fact]
    public void Azd_runs_the_subscription_hook_after_the_code_is_deployed()
    {
        var yaml = File.ReadAllLines(Path.Combine(BicepCli.RepositoryRoot, "azure.yaml"));
        var hook = Array.FindIndex(yaml, l => l.Trim() == "postdeploy:");

        Assert.True(hook > 0, "azure.yaml has no postdeploy hook.");
        Assert.Contains(yaml.Skip(hook).Take(6), l => l.Trim() == $"run: ./infra/scripts/{Script}");
    }

    [Fact]
    public async Task The_hook_waits_for_the_blob_extension_key_then_subscribes_the_function_to_blob_created_in_inbound_mail()
    {
        using var hook = new HookScript();
        hook.Answer("functionapp keys list", "", "", "blob-key-123");

        var run = await hook.RunAsync(Script, AzdOutputs);

        Assert.True(run.ExitCode == 0, run.StandardError + run.StandardOutput);
        Assert.DoesNotContain("blob-key-123", run.StandardOutput + run.StandardError);
        var calls = hook.Calls();
        Assert.Equal(4, calls.Count);
        Assert.All(calls.Take(3), c => Assert.Equal(
            ["functionapp", "keys", "list", "--resource-group", "rg-dsr-prod", "--name", "func-dsr-abc", "--query", "systemKeys.blobs_extension", "--output", "tsv"], c));
        var subscribe = Arguments(calls[3]);
        Assert.Equal(["eventgrid", "system-topic", "event-subscription", "create"], calls[3].Take(4));
        Assert.Equal("rg-dsr-prod", subscribe["--resource-group"]);
        Assert.Equal("sthostabc-events", subscribe["--system-topic-name"]);
        Assert.Equal("webhook", subscribe["--endpoint-type"]);
        Assert.Equal(
            "https://func-dsr-abc.azurewebsites.net/runtime/webhooks/blobs?functionName=Host.Functions.InboundMailBlobFunction&code=blob-key-123",
            subscribe["--endpoint"]);
        Assert.Equal("Microsoft.Storage.BlobCreated", subscribe["--included-event-types"]);
        Assert.Equal("/blobServices/default/containers/inbound-mail/blobs/", subscribe["--subject-begins-with"]);
    }

    [Fact]
    public async Task Without_the_key_the_hook_fails_and_subscribes_nothing()
    {
        using var hook = new HookScript();
        hook.Answer("functionapp keys list", "", "", "");

        var run = await hook.RunAsync(Script, new Dictionary<string, string>(AzdOutputs) { ["DSR_HOOK_KEY_ATTEMPTS"] = "3" });

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("No blobs_extension key on func-dsr-abc", run.StandardError);
        Assert.Equal(3, hook.Calls().Count);
        Assert.DoesNotContain(hook.Calls(), c => c.Contains("eventgrid"));
    }

    [Fact]
    public async Task The_hook_refuses_to_run_without_the_deployment_outputs()
    {
        using var hook = new HookScript();

        var run = await hook.RunAsync(Script, new Dictionary<string, string> { ["AZURE_RESOURCE_GROUP"] = "rg-dsr-prod" });

        Assert.NotEqual(0, run.ExitCode);
        Assert.Empty(hook.Calls());
    }

    private static Dictionary<string, string> Arguments(IReadOnlyList<string> call)
    {
        var options = new Dictionary<string, string>();
        for (var i = 0; i < call.Count - 1; i++)
        {
            if (call[i].StartsWith("--", StringComparison.Ordinal))
            {
                options[call[i]] = call[i + 1];
            }
        }

        return options;
    }
}

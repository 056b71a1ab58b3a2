using System.Text.Json;
using Comintech.Dsr.Storage;

namespace Comintech.Dsr.Infra.Tests;

/// <summary>Compiles <c>infra/main.bicep</c> once for the class.</summary>
public sealed class CompiledTemplate : IAsyncLifetime
{
    public ArmTemplate Arm { get; private set; } = null!;

    public string Json { get; private set; } = "";

    public BicepCli.Result Build { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Build = await BicepCli.RunAsync("build", BicepCli.MainTemplate, "--stdout");
        Assert.True(Build.ExitCode == 0, Build.StandardError);
        Json = Build.StandardOutput;
        Arm = new ArmTemplate(JsonDocument.Parse(Json).RootElement.Clone());
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

public class InfraTemplateTests(CompiledTemplate template) : IClassFixture<CompiledTemplate>
{
    private const string BlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string BlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string QueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string TableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    private ArmTemplate Arm => template.Arm;

    private Dictionary<string, string> AppSettings() =>
        Arm.Single("Microsoft.Web/sites").Properties.GetProperty("siteConfig").GetProperty("appSettings").EnumerateArray()
            .ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("value").GetString()!);

    [Fact]
    public void Bicep_build_has_no_errors_or_warnings()
    {
        Assert.Empty(template.Build.Diagnostics("Error"));
        Assert.Empty(template.Build.Diagnostics("Warning"));
    }

    [Fact]
    public async Task Bicep_lint_finds_nothing()
    {
        var lint = await BicepCli.RunAsync("lint", BicepCli.MainTemplate);

        Assert.True(lint.ExitCode == 0, lint.StandardError);
        Assert.Empty(lint.Diagnostics("Error"));
        Assert.Empty(lint.Diagnostics("Warning"));
    }

    [Fact]
    public void Evidence_documents_are_under_a_time_based_immutability_policy()
    {
        var policy = Arm.Single("Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies");

        Assert.Contains("parameters('evidenceContainerName')", policy.Body.GetProperty("name").GetString());
        Assert.Equal(DsrStorage.EvidenceDocumentsContainer, policy.Declaring.Argument("evidenceContainerName").GetString());
        Assert.Equal("[parameters('evidenceRetentionDays')]", policy.Properties.GetProperty("immutabilityPeriodSinceCreationInDays").GetString());
        Assert.False(policy.Properties.GetProperty("allowProtectedAppendWrites").GetBoolean());
        var retentionDays = Arm.Root.GetProperty("parameters").GetProperty("evidenceRetentionDays").GetProperty("defaultValue").GetInt32();
        Assert.True(retentionDays >= 365 * 5, $"Evidence kept immutable for only {retentionDays} days.");
        // Skipped only once the policy is locked (a locked policy can be extended, never re-put).
        Assert.Equal("[not(parameters('evidencePolicyLocked'))]", policy.Body.GetProperty("condition").GetString());
    }

    [Fact]
    public void Access_packages_are_deleted_by_a_lifecycle_rule_and_the_data_account_cannot_be_deleted()
    {
        var rules = Arm.Single("Microsoft.Storage/storageAccounts/managementPolicies").Properties.GetProperty("policy").GetProperty("rules").GetString()!;

        Assert.StartsWith("[concat(createArray(createObject('name', 'delete-expired-access-packages'", rules, StringComparison.Ordinal);
        Assert.Contains("format('{0}/', parameters('accessPackagesContainerName'))", rules, StringComparison.Ordinal);
        Assert.Contains("'daysAfterCreationGreaterThan', parameters('accessPackageDays')", rules, StringComparison.Ordinal);
        Assert.Equal(DsrStorage.AccessPackagesContainer, Arm.Argument("dataStorage", "accessPackagesContainerName").GetString());
        var deleteLock = Arm.Single("Microsoft.Authorization/locks");
        Assert.Equal("CanNotDelete", deleteLock.Properties.GetProperty("level").GetString());
        Assert.Equal("dataStorage", deleteLock.Module);
    }

    [Fact]
    public void Every_container_of_working_copies_has_a_lifecycle_rule_and_evidence_has_none()
    {
        var policy = Arm.Single("Microsoft.Storage/storageAccounts/managementPolicies").Properties.GetProperty("policy").GetProperty("rules").GetString()!;
        var covered = Arm.Argument("dataStorage", "workingCopyContainerNames").EnumerateArray().Select(c => c.GetString());

        Assert.Equal([DsrStorage.ExportsContainer, DsrStorage.InboundRawContainer, DsrStorage.StaffAttachmentsContainer], covered);
        Assert.EndsWith("variables('workingCopyRules'))]", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("evidenceContainerName", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void The_data_account_has_the_tables_and_containers_the_code_uses()
    {
        var tables = Arm.Argument("dataStorage", "tableNames").EnumerateArray().Select(t => t.GetString());
        var containers = Arm.Argument("dataStorage", "containerNames").EnumerateArray().Select(c => c.GetString());

        Assert.Equal(
            [
                DsrStorage.RequestsTable, DsrStorage.EvidenceTable, DsrStorage.ConnectorRunsTable, DsrStorage.InboundMessagesTable, DsrStorage.AuditTable,
                DsrStorage.WaitingStoresTable, DsrStorage.RestoreSuppressionTable, DsrStorage.WebLogErasuresTable, DsrStorage.PartnerReplaysTable,
                DsrStorage.LimitsTable,
                DsrStorage.SmokeSandboxTable,
            ],
            tables);
        Assert.Equal(
            [DsrStorage.ExportsContainer, DsrStorage.InboundRawContainer, DsrStorage.LocksContainer, DsrStorage.StaffAttachmentsContainer],
            containers);
    }

    [Fact]
    public void The_inbound_mail_container_is_where_the_blob_trigger_listens()
    {
        // The trigger has no connection of its own, so it uses AzureWebJobsStorage: the host account.
        Assert.Equal(DsrStorage.InboundMailContainer, Arm.Argument("hostStorage", "inboundMailContainerName").GetString());
    }

    [Fact]
    public void The_managed_identity_holds_only_data_plane_roles_each_on_its_own_resource()
    {
        var granted = new HashSet<(string Module, string Role)>();
        foreach (var assignment in Arm.OfType("Microsoft.Authorization/roleAssignments"))
        {
            var properties = assignment.Properties;
            Assert.Equal("ServicePrincipal", properties.GetProperty("principalType").GetString());
            var principal = assignment.Declaring.Argument(ParameterName(properties.GetProperty("principalId").GetString()!)).GetString()!;
            Assert.Contains("'identity'", principal);
            Assert.EndsWith(".outputs.principalId.value]", principal);

            var role = properties.GetProperty("roleDefinitionId").GetString()!;
            var roles = role.Contains("variables('", StringComparison.Ordinal)
                ? [assignment.Declaring.Variable(Quoted(role, "variables('"))]
                : assignment.Declaring.Argument(Quoted(role, "parameters('")).EnumerateArray().Select(r => r.GetString()!).ToArray();
            foreach (var id in roles)
            {
                Assert.True(granted.Add((assignment.Module, id)), $"{id} granted twice in {assignment.Module}.");
            }
        }

        Assert.Equal(
            new HashSet<(string, string)>
            {
                ("hostStorageRoles", BlobDataOwner), ("hostStorageRoles", QueueDataContributor), ("hostStorageRoles", TableDataContributor),
                ("dataStorageRoles", BlobDataContributor), ("dataStorageRoles", TableDataContributor),
                ("keyVault", KeyVaultSecretsUser),
                ("monitoring", MonitoringMetricsPublisher),
            },
            granted);
        Assert.Equal("[reference('hostStorage').outputs.name.value]", Arm.Argument("hostStorageRoles", "storageAccountName").GetString());
        Assert.Equal("[reference('dataStorage').outputs.name.value]", Arm.Argument("dataStorageRoles", "storageAccountName").GetString());
    }

    [Fact]
    public void Secrets_are_key_vault_references_and_no_setting_holds_a_secret_or_an_account_key()
    {
        var settings = AppSettings();

        Assert.StartsWith("[format('@Microsoft.KeyVault(VaultName={0};SecretName=IdentifierHashKey)'", settings["Dsr__IdentifierHashKey"]);
        Assert.StartsWith("[format('@Microsoft.KeyVault(VaultName={0};SecretName=SendGridApiKey)'", settings["Dsr__Mail__SendGridApiKey"]);
        Assert.StartsWith("[format('@Microsoft.KeyVault(VaultName={0};SecretName=InboxWebhookKey)'", settings["Dsr__Inbox__WebhookKey"]);
        Assert.Equal("[parameters('identityId')]", Arm.Single("Microsoft.Web/sites").Properties.GetProperty("keyVaultReferenceIdentity").GetString());
        var vaultSecrets = Arm.Argument("keyVault", "secrets").EnumerateObject().Select(p => p.Name);
        Assert.Equal(["SendGridApiKey", "IdentifierHashKey", "ProtectionKey", "InboxWebhookKey", "SmokeKey"], vaultSecrets);
        Assert.StartsWith("[format('@Microsoft.KeyVault(VaultName={0};SecretName=ProtectionKey)'", settings["Dsr__Protection__Key"]);
        Assert.StartsWith("[format('@Microsoft.KeyVault(VaultName={0};SecretName=SmokeKey)'", settings["Dsr__Smoke__Key"]);

        foreach (var (name, value) in settings.Where(s => !s.Value.Contains("@Microsoft.KeyVault(", StringComparison.Ordinal)))
        {
            Assert.DoesNotMatch("(?i)secret|password|apikey|hashkey", name);
            Assert.DoesNotMatch("(?i)listKeys|AccountKey=|SharedAccessSignature|sig=", value);
        }

        Assert.DoesNotContain("listKeys", template.Json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("listAccountSas", template.Json, StringComparison.OrdinalIgnoreCase);
        foreach (var secure in new[] { "sendGridApiKey", "identifierHashKey", "protectionKey", "inboxWebhookKey", "smokeKey" })
        {
            Assert.Equal("securestring", Arm.Root.GetProperty("parameters").GetProperty(secure).GetProperty("type").GetString());
            var users = Arm.OfType("Microsoft.Resources/deployments")
                .Where(d => d.Properties.GetProperty("parameters").GetRawText().Contains($"parameters('{secure}')", StringComparison.Ordinal));
            Assert.Equal(["keyVault"], users.Select(d => ArmTemplate.ModuleName(d.Body)));
        }
    }

    [Fact]
    public void Storage_is_reached_by_identity_only()
    {
        var settings = AppSettings();

        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal("[parameters('hostStorageAccountName')]", settings["AzureWebJobsStorage__accountName"]);
        Assert.Equal("[parameters('identityClientId')]", settings["AZURE_CLIENT_ID"]);
        Assert.Equal("[parameters('dataBlobEndpoint')]", settings["Dsr__Storage__BlobServiceUri"]);
        Assert.Equal("[parameters('dataTableEndpoint')]", settings["Dsr__Storage__TableServiceUri"]);
        Assert.DoesNotContain("Dsr__StorageConnectionString", settings.Keys);

        var accounts = Arm.OfType("Microsoft.Storage/storageAccounts").ToList();
        Assert.Equal(2, accounts.Count);
        Assert.All(accounts, a =>
        {
            Assert.False(a.Properties.GetProperty("allowSharedKeyAccess").GetBoolean());
            Assert.False(a.Properties.GetProperty("allowBlobPublicAccess").GetBoolean());
        });
        Assert.True(Arm.Single("Microsoft.Insights/components").Properties.GetProperty("DisableLocalAuth").GetBoolean());
    }

    [Fact]
    public void The_app_runs_net10_isolated_on_flex_consumption_behind_app_service_authentication_that_lets_anonymous_through()
    {
        Assert.Equal("FlexConsumption", Arm.Single("Microsoft.Web/serverfarms").Body.GetProperty("sku").GetProperty("tier").GetString());
        var runtime = Arm.Single("Microsoft.Web/sites").Properties.GetProperty("functionAppConfig").GetProperty("runtime");
        Assert.Equal("dotnet-isolated", runtime.GetProperty("name").GetString());
        Assert.Equal("10.0", runtime.GetProperty("version").GetString());

        var auth = Arm.Single("Microsoft.Web/sites/config").Properties;
        Assert.True(auth.GetProperty("platform").GetProperty("enabled").GetBoolean());
        Assert.False(auth.GetProperty("globalValidation").GetProperty("requireAuthentication").GetBoolean());
        Assert.Equal("AllowAnonymous", auth.GetProperty("globalValidation").GetProperty("unauthenticatedClientAction").GetString());
        Assert.True(auth.GetProperty("identityProviders").GetProperty("azureActiveDirectory").GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public void Flex_consumption_keeps_one_durable_instance_ready_and_staff_alerts_have_a_mailbox()
    {
        var scale = Arm.Single("Microsoft.Web/sites").Properties.GetProperty("functionAppConfig").GetProperty("scaleAndConcurrency");

        Assert.Equal(
            "[if(greater(parameters('durableAlwaysReadyInstances'), 0), createArray(createObject('name', 'durable', 'instanceCount', parameters('durableAlwaysReadyInstances'))), createArray())]",
            scale.GetProperty("alwaysReady").GetString());
        Assert.Equal(1, Arm.Root.GetProperty("parameters").GetProperty("durableAlwaysReadyInstances").GetProperty("defaultValue").GetInt32());
        Assert.Equal("[parameters('staffNotifyAddress')]", AppSettings()["Dsr__Staff__NotifyAddress"]);
        Assert.False(Arm.Root.GetProperty("parameters").GetProperty("staffNotifyAddress").TryGetProperty("defaultValue", out _));
        Assert.False(Arm.Root.GetProperty("parameters").GetProperty("inboxWebhookKey").TryGetProperty("defaultValue", out _));
    }

    [Fact]
    public void An_unreachable_data_store_alerts_the_staff_mailbox()
    {
        var rule = Arm.Single("Microsoft.Insights/scheduledQueryRules").Properties;
        var group = Arm.Single("Microsoft.Insights/actionGroups");

        const string Phrase = "could not be reached at start";
        Assert.Contains(Phrase, rule.GetProperty("criteria").GetProperty("allOf")[0].GetProperty("query").GetString());
        // The phrase is the app's own error log of an unreachable store.
        var messages = typeof(Connectors.DataMapStoreCheck).GetMethods(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)
            .SelectMany(m => m.GetCustomAttributes(typeof(Microsoft.Extensions.Logging.LoggerMessageAttribute), false))
            .Cast<Microsoft.Extensions.Logging.LoggerMessageAttribute>();
        Assert.Contains(messages, m => m.Level == Microsoft.Extensions.Logging.LogLevel.Error && m.Message.Contains(Phrase, StringComparison.Ordinal));
        Assert.Contains("Microsoft.Insights/actionGroups", rule.GetProperty("actions").GetProperty("actionGroups")[0].GetString());
        Assert.Equal("[parameters('alertEmail')]", group.Properties.GetProperty("emailReceivers")[0].GetProperty("emailAddress").GetString());
        Assert.Equal("[parameters('staffNotifyAddress')]", Arm.Argument("monitoring", "alertEmail").GetString());
    }

    [Fact]
    public void The_parameters_file_sets_every_required_parameter_and_nothing_else()
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(BicepCli.RepositoryRoot, "infra", "main.parameters.json")));
        var given = file.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToHashSet();
        var declared = Arm.Root.GetProperty("parameters").EnumerateObject().ToList();

        Assert.Subset(declared.Select(p => p.Name).ToHashSet(), given);
        Assert.Subset(given, declared.Where(p => !p.Value.TryGetProperty("defaultValue", out _)).Select(p => p.Name).ToHashSet());
    }

    private static string ParameterName(string expression) => Quoted(expression, "parameters('");

    private static string Quoted(string expression, string prefix)
    {
        var start = expression.IndexOf(prefix, StringComparison.Ordinal) + prefix.Length;
        return expression[start..expression.IndexOf('\'', start)];
    }

    [Fact]
    public void The_front_door_option_puts_a_waf_with_a_per_ip_rate_rule_in_front_of_the_app()
    {
        var deployment = Arm.Deployment("frontDoor");
        Assert.Equal("[parameters('frontDoorWaf')]", deployment.Body.GetProperty("condition").GetString());
        Assert.False(Arm.Root.GetProperty("parameters").GetProperty("frontDoorWaf").GetProperty("defaultValue").GetBoolean());

        var waf = Arm.Single("Microsoft.Network/FrontDoorWebApplicationFirewallPolicies");
        Assert.Equal("Prevention", waf.Properties.GetProperty("policySettings").GetProperty("mode").GetString());
        var rule = Assert.Single(waf.Properties.GetProperty("customRules").GetProperty("rules").EnumerateArray());
        Assert.Equal(("RateLimitRule", "Block", "SocketAddr"), (
            rule.GetProperty("ruleType").GetString(), rule.GetProperty("action").GetString(), rule.GetProperty("groupBy")[0].GetProperty("variableName").GetString()));
        var policy = Arm.Single("Microsoft.Cdn/profiles/securityPolicies");
        Assert.Contains("FrontDoorWebApplicationFirewallPolicies", policy.Properties.GetProperty("parameters").GetProperty("wafPolicy").GetProperty("id").GetString(), StringComparison.Ordinal);
    }
}

using Comintech.Dsr.Connectors.Marketing;
using Comintech.Dsr.Connectors.WebLogs;
using Comintech.Dsr.Fulfilment.Refusal;
using Comintech.Dsr.Staff.Approval;
using Comintech.Dsr.Staff.Extension;
using Comintech.Dsr.Staff.Refusal;
using Comintech.Dsr.Staff.Rerun;
using SendGrid;

namespace Comintech.Dsr.Hosting;

public static class DsrServiceCollectionExtensions
{
    /// <summary>Everything both hosts share: options, storage, request store, evidence, verification, notifier, connectors, activities.</summary>
    public static IServiceCollection AddDsrCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddDsrOptions(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddDsrStorageClients(configuration);
        services.AddDsrInbox();
        services.AddProcessorRouting();
        services.AddDsrActivities();
        services.AddSingleton<IdentifierHasher>();
        services.AddSingleton<IdentifierProtector>();
        services.AddSingleton<RequestStore>();
        services.AddSingleton<OwnRowKeyLayout>();
        services.AddSingleton<EvidenceLedger>();
        services.AddSingleton<VerificationService>();
        services.AddSingleton<PublicLinks>();
        services.AddSingleton<IntakeService>();
        services.AddSingleton<AddressLimits>();
        services.AddSingleton<RequestLookup>();
        services.AddSingleton<SubmissionGate>();
        services.AddSingleton<CodeAttempts>();
        services.AddSingleton<HttpEdge>();
        services.AddSingleton<SubmitRequest>();
        services.AddSingleton<VerifyCode>();
        services.AddSingleton<ResendCode>();
        services.AddSingleton<RequestHttpHandlers>();
        services.AddSingleton<UiLists>();

        services.AddSingleton<ConnectorExports>();
        services.AddSingleton<StoreAccounts>();
        services.AddSingleton<LoginHistoryLookup>();
        services.AddSingleton<AccountRecordLookup>();
        services.AddSingleton<ControlPanelLinks>();
        services.AddSingleton<IdentityResolver>();
        services.AddSingleton<IdentityBindingService>();
        services.AddSingleton<BindAccount>();
        services.AddSingleton<IdentityHttpHandlers>();
        services.AddSingleton<WorkingCopies>();
        services.AddSingleton<RetentionService>();
        services.AddHostedService<DataMapStoreCheck>();
        services.AddSingleton<ICorrectableFields, DataMapCorrectableFields>();
        services.AddSingleton<IDataStoreConnector, AzureTableConnector>();
        services.AddSingleton<IDataStoreConnector, PostgreSqlConnector>();
        services.AddSingleton<IDataStoreConnector, WebLogBlobConnector>();
        services.AddSingleton<IDataStoreConnector, SendGridMarketingConnector>();
        services.AddSingleton<IDataStoreConnector, BackupConnector>();
        services.AddSingleton<IDataStoreConnector, PartnerWebhookConnector>();
        services.AddSingleton<IDataStoreConnector, ManualStepConnector>();
        services.AddSingleton<IDataStoreConnector, DsrRecordsConnector>();
        services.AddHttpClient(PartnerWebhookConnector.KindName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<RestoreSuppressionLedger>();
        services.AddSingleton<WaitingStoreTable>();
        services.AddSingleton<StaffNotifier>();
        services.AddHttpClient(RecipientNotifier.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<RecipientNotifier>();
        services.AddSingleton<RecipientListHandler>();
        services.AddSingleton<FinalNotice>();
        services.AddSingleton<PartnerMail>();

        services.AddSingleton<INotifier>(sp =>
        {
            var mail = sp.GetRequiredService<IOptions<MailOptions>>().Value;
            INotifier delivery = string.IsNullOrWhiteSpace(mail.SendGridApiKey)
                ? ActivatorUtilities.CreateInstance<PickupFolderNotifier>(sp)
                : ActivatorUtilities.CreateInstance<SendGridNotifier>(sp, new SendGridClient(mail.SendGridApiKey));
            return new UndeliverableMailFilter(delivery);
        });

        services.AddTransient<StoreActionRunner>();
        services.AddSingleton<BackupRestored>();
        services.AddSingleton<BackupHttpHandlers>();
        services.AddSingleton<WaitingPartConfirmations>();
        services.AddSingleton<SignedMessageReplays>();
        services.AddSingleton<MarkManualStepDone>();
        services.AddSingleton<WaitingStoreHttpHandlers>();
        services.AddSingleton<PartnerLinkHttpHandlers>();
        services.AddSingleton<ClientAnswerHttpHandlers>();
        services.AddSingleton<AccessPackages>();
        services.AddSingleton<AccessReviews>();
        services.AddSingleton<DeletionCertificates>();
        services.AddSingleton<AccessPackageHttpHandlers>();
        services.AddTransient<RefusalService>();
        services.AddSingleton<WorkflowFailures>();
        services.AddTransient<WorkflowRepair>();
        services.AddTransient<WorkflowRecovery>();
        services.AddSingleton<HistoryPurge>();

        services.AddSingleton<StaffAuthenticator>();
        services.AddSingleton<StaffAuditLog>();
        services.AddSingleton<StaffQueryHandlers>();
        services.AddSingleton<StaffTodoService>();
        services.AddSingleton<StaffConsoleHandlers>();
        services.AddSingleton<DecideApproval>();
        services.AddSingleton<ExtendDeadline>();
        services.AddSingleton<DeadlineIndex>();
        services.AddSingleton<DeadlineSweep>();
        services.AddSingleton<RerunStore>();
        services.AddTransient<RefuseRequest>();
        services.AddSingleton<StaffActionHandlers>();
        services.AddSingleton<AccessReviewHandlers>();
        services.AddSingleton<ClassifyRequest>();
        services.AddSingleton<StaffTriageHandlers>();
        services.AddSingleton<SmokeHttpHandlers>();
        services.AddTransient<StaffRecoveryHandlers>();
        return services;
    }

    /// <summary>
    /// Adds the data map file beneath the configuration already present, so <c>DataMap__…</c> settings still win:
    /// <c>DataMap:File</c> when set (required; a relative path is taken from <paramref name="directory"/>), else
    /// <c>datamap.json</c> in <paramref name="directory"/> when there is one. The Functions package carries no demo
    /// map, so in Azure the map comes from <c>DataMap:File</c>, a published <c>datamap.json</c> or <c>DataMap__…</c> settings.
    /// </summary>
    public static IConfigurationBuilder AddDataMapFile(this IConfigurationManager configuration, string directory)
    {
        var configured = configuration["DataMap:File"] is { Length: > 0 } named ? Path.GetFullPath(named, directory) : null;
        var file = configured ?? Path.Combine(directory, "datamap.json");
        var builder = (IConfigurationBuilder)configuration;
        if (configured is not null && !File.Exists(configured))
        {
            throw new FileNotFoundException($"DataMap:File names {configured}, which does not exist.", configured);
        }

        builder.Sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
        {
            FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(Path.GetDirectoryName(file)!),
            Path = Path.GetFileName(file),
            Optional = configured is null,
        });
        return builder;
    }

    public static string StorageConnectionString(IConfiguration configuration) =>
        configuration.GetSection(StorageAccountOptions.Section).Get<StorageAccountOptions>()?.StorageConnectionString is { Length: > 0 } own ? own
        : configuration["AzureWebJobsStorage"] ?? throw new InvalidOperationException("No storage connection string is configured.");
}

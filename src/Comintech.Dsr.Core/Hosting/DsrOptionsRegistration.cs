namespace Comintech.Dsr.Hosting;

/// <summary>
/// Every feature's settings, each bound from its own configuration section and checked when the host starts (declared
/// rules and each feature's own); a consumer takes only the options of the features it serves. Both hosts call it
/// through <see cref="DsrServiceCollectionExtensions.AddDsrCore"/>.
/// </summary>
public static class DsrOptionsRegistration
{
    public static IServiceCollection AddDsrOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSection<StorageAccountOptions>(StorageAccountOptions.Section)
            .Validate(_ => StorageTarget.TryResolve(configuration) is not null,
                "Dsr:StorageConnectionString, Dsr:Storage:AccountName (or AzureWebJobsStorage) must name the storage account.");
        services.AddSingleton<IValidateOptions<StorageAccountOptions>, UnresolvedSecretsValidator>();
        services.AddSection<IdentifierHashOptions>(IdentifierHashOptions.Section);
        services.AddSection<ProtectionOptions>(ProtectionOptions.Section);
        services.AddSection<PublicUrlOptions>(PublicUrlOptions.Section);
        services.AddSection<VerificationOptions>(VerificationOptions.Section);
        services.AddSection<MailOptions>(MailOptions.Section);
        services.AddSection<StaffOptions>(StaffOptions.Section);
        services.AddSection<NoticeOptions>(NoticeOptions.Section);
        services.AddSection<AccessPackageOptions>(AccessPackageOptions.Section);
        services.AddSection<LimitsOptions>(LimitsOptions.Section);
        services.AddSection<InboxOptions>(InboxOptions.Section)
            .Validate(o => !HostingMode.IsAzure(configuration) || o.WebhookKey is { Length: >= InboxOptions.MinWebhookKeyLength },
                "Dsr:Inbox:WebhookKey (at least 16 characters) is required in Azure: the SendGrid webhook is not open without it.");
        services.AddSection<DeadlineOptions>(DeadlineOptions.Section)
            .Validate(o => !o.Validate().Any(), "Dsr:Deadlines: holidays must be yyyy-MM-dd dates under GDPR or CCPA; reminder offsets positive.");
        services.AddSection<RetentionOptions>(RetentionOptions.Section)
            .Validate(o => !o.Validate().Any(), "Dsr:Retention: every period must be zero or positive and at most 10 years; Interval between 5 seconds and 7 days.");
        services.AddSection<HistoryOptions>(HistoryOptions.Section)
            .Validate(o => o.IsValid, "Dsr:History:PurgeAfter must not be negative.");
        services.AddSection<SmokeOptions>(SmokeOptions.Section)
            .Validate(o => o.IsValid, "Dsr:Smoke:Key must be at least 32 characters (or empty: no smoke tests).");
        services.AddSection<ApprovalOptions>(ApprovalOptions.Section)
            .Validate(o => o.IsValid, "Dsr:Approval:RequiredFor may name only access, correction, deletion and optout.");
        services.AddSection<IdentityOptions>(IdentityOptions.Section)
            .Validate(o => !o.Validate().Any(), "Dsr:Identity: Tier2RequiredFor entries are type or type/jurisdiction; ControlPanelKey at least 32 characters; MaxLinkLifetime 0-30 days.");
        services.AddOptions<DataMapOptions>()
            .BindConfiguration(DataMapOptions.Section)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DataMapOptions>, DataMapValidator>();
        return services;
    }

    /// <summary>Binds <typeparamref name="T"/> to <paramref name="section"/> and checks its declared rules at start.</summary>
    private static OptionsBuilder<T> AddSection<T>(this IServiceCollection services, string section)
        where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(new DeclaredRules<T>(section));
        return services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
    }

    /// <summary>The data annotations of a section's settings; each failure names its configuration key (<c>Dsr:Verification:MaxAttempts</c>).</summary>
    private sealed class DeclaredRules<T>(string section) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var failures = new List<ValidationResult>();
            return Validator.TryValidateObject(options, new ValidationContext(options), failures, validateAllProperties: true)
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(failures.Select(f => $"{section}:{string.Join(",", f.MemberNames)}: {f.ErrorMessage}"));
        }
    }

    /// <summary>Fails start-up with one message per bad entry and field of the data map.</summary>
    /// <remarks>Connectors are resolved when the map is validated, not injected: some read the data map themselves.</remarks>
    private sealed class DataMapValidator(IServiceProvider services) : IValidateOptions<DataMapOptions>
    {
        public ValidateOptionsResult Validate(string? name, DataMapOptions options)
        {
            var errors = options.Validate(services.GetServices<IDataStoreConnector>());
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}

namespace Comintech.Dsr.LocalEngine.Demo;

/// <summary>
/// What the engine adds when demo data is on (<c>Engine:SeedDemoData</c>): the demo partner and SendGrid stand-in
/// routes under <c>/demo/</c>, their addresses in the data map moved to the engine's own <c>Engine:Url</c>, and the demo
/// signing secrets and API key, made once into <c>.dsr/</c> when the map names them and they are not configured; with
/// <c>Demo:PostgreSql</c> set, a PostgreSQL store joins the map.
/// </summary>
public static class DemoSetup
{
    /// <summary>The address the demo data map names the stand-ins at (the default <c>Engine:Url</c>).</summary>
    public const string DemoMapAddress = "http://127.0.0.1:7071/demo/";

    /// <summary>
    /// The demo's secrets, made once into <c>.dsr/</c>: the reseller's and the domain agent's signing secrets, the demo
    /// Client's, and the SendGrid stand-in's API key.
    /// </summary>
    private static readonly string[] SecretNames = [ResellerSecretName, DomainAgentSecretName, ClientSecretName, SendGridApiKeyName];

    public const string ResellerSecretName = "Demo:Partners:ResellerSecret";
    public const string DomainAgentSecretName = "Demo:Partners:DomainAgentSecret";
    public const string ClientSecretName = "Demo:Clients:NorthwindSecret";
    public const string SendGridApiKeyName = "Demo:SendGridApiKey";

    public static void Configure(ConfigurationManager configuration, EngineOptions engine)
    {
        if (!engine.SeedDemoData)
        {
            return;
        }

        if (DemoPostgreSql.IsConfigured(configuration))
        {
            DemoPostgreSql.AddStore(configuration);
        }

        var own = engine.Url.TrimEnd('/') + "/demo/";
        var settings = configuration.GetSection("DataMap:Stores").GetChildren().SelectMany(s => s.GetSection("Settings").GetChildren()).ToList();
        foreach (var setting in settings.Where(s => s.Value?.StartsWith(DemoMapAddress, StringComparison.Ordinal) == true))
        {
            configuration[setting.Path] = own + setting.Value![DemoMapAddress.Length..];
        }

        if (settings.Any(s => s.Value?.StartsWith("Demo:", StringComparison.Ordinal) == true))
        {
            foreach (var name in SecretNames)
            {
                LocalBootstrap.EnsureLocalSecret(configuration, name, Path.Combine(RepositoryPaths.LocalState, "demo-" + name.Split(':')[^1].ToLowerInvariant()));
            }
        }
    }

    public static IServiceCollection AddDemoStandIns(this IServiceCollection services)
    {
        services.AddSingleton<DemoDomainAgent>();
        services.AddHostedService(sp => sp.GetRequiredService<DemoDomainAgent>());
        services.AddHttpClient(nameof(DemoDomainAgent), client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<DemoSendGrid>();
        return services;
    }

    public static WebApplication MapDemoStandIns(this WebApplication app)
    {
        app.MapPost(DemoDomainAgent.Route, (HttpRequest request, DemoDomainAgent agent) => agent.ReceiveAsync(request));
        DemoSendGrid.Map(app);
        return app;
    }

    /// <summary>The banner's walk through one deletion over the demo map (the README shows the same steps).</summary>
    public static IEnumerable<string> Walkthrough(string url, string mail) =>
    [
        "Demo: one deletion that reaches every kind of store (README: \"Walk through one deletion with curl\"):",
        $"  1. Ask:      curl -s -X POST {url}/api/requests -H 'Content-Type: application/json' \\",
        $"                 -d '{{\"type\":\"deletion\",\"email\":\"{DemoDataSeeder.People[0].Email}\",\"fullName\":\"{DemoDataSeeder.People[0].FullName}\",\"accountId\":\"{DemoDataSeeder.People[0].AccountId}\"}}'",
        $"  2. Verify:   the code is in {mail}/<requestId>.code-1.eml; POST it to {url}/api/requests/<requestId>/verify",
        "  3. Partners: the demo domain agent confirms by itself in a few seconds; the demo reseller's signed link is in",
        $"               {mail}/<requestId>.demo-reseller.partner-0.eml: open it and press Confirm",
        $"  4. Staff:    mark the paper-contracts step done in the staff console ({url}/staff)",
        $"  5. Watch:    curl -s {url}/api/requests/<requestId>  -> Completed; the final notice names {DemoDataSeeder.DemoClient.Name},",
        $"               whose answer link is in {mail}/<requestId>.client-hosted.client-{DemoDataSeeder.DemoClient.ClientId}-0.eml",
    ];
}

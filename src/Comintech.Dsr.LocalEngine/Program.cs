using Comintech.Dsr.Limits;
using Comintech.Dsr.LocalEngine.Demo;
using DurableTask.AzureStorage;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddDataMapFile(AppContext.BaseDirectory);
var engine = (builder.Configuration.GetSection(EngineOptions.Section).Get<EngineOptions>() ?? new EngineOptions()).Validated();

await using var azurite = await LocalBootstrap.EnsureStorageAsync(builder.Configuration, engine);
LocalBootstrap.EnsureIdentifierHashKey(builder.Configuration);
LocalBootstrap.EnsureProtectionKey(builder.Configuration);
var staffKeyFile = LocalBootstrap.EnsureStaffApiKey(builder.Configuration);
LocalBootstrap.AnchorPickupFolder(builder.Configuration);
DemoSetup.Configure(builder.Configuration, engine);

var publicUri = new Uri(engine.Url);
var sidecarPort = engine.SidecarPort == 0 ? AzuriteProcess.FreePort() : engine.SidecarPort;
builder.WebHost.ConfigureKestrel(kestrel =>
{
    var address = publicUri.Host is "localhost" or "127.0.0.1" ? IPAddress.Loopback : IPAddress.Parse(publicUri.Host);
    kestrel.Listen(address, publicUri.Port);
    kestrel.Listen(IPAddress.Loopback, sidecarPort, listen => listen.Protocols = HttpProtocols.Http2);
});

// Everything in flight is durable in storage (a kill -9 loses nothing), so Ctrl+C need not wait for the sidecar's drain.
builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(5));
var partitionLeases = new PartitionLeaseLog();
builder.Logging.AddProvider(partitionLeases);
builder.Logging.AddFilter<PartitionLeaseLog>(PartitionLeaseLog.BackendCategory, LogLevel.Information);
builder.Services.AddProblemDetails();
builder.Services.AddDsrCore(builder.Configuration);
builder.Services.AddDsrTelemetry(builder.Configuration, "comintech-dsr-local-engine");
var storageConnectionString = DsrServiceCollectionExtensions.StorageConnectionString(builder.Configuration);
var taskHubConnectionString = await LocalBootstrap.TaskHubStorageAsync(engine, storageConnectionString, azurite?.TaskHubConnectionString);
await TaskHubPartitions.EnsureMatchesAsync(taskHubConnectionString, engine);
builder.Services.AddLocalDurableEngine(taskHubConnectionString, engine, sidecarPort);
builder.Services.AddSingleton(engine);
builder.Services.AddHostedService<InboundMailWatcher>();
builder.Services.AddHostedService<RetentionStarter>();
builder.Services.AddHostedService<DeadlineSweeper>();
builder.Services.AddHostedService<TransactionCountFile>();
builder.Services.AddRateLimiter(limiter =>
{
    limiter.OnRejected = (rejected, _) => new ValueTask(ClientRateLimits.Rejection(rejected.Lease).ExecuteAsync(rejected.HttpContext));
});
builder.Services.AddOptions<RateLimiterOptions>().Configure<HttpEdge>((limiter, edge) => limiter.GlobalLimiter = edge.Limiter);

builder.Services.AddHostedService<ReconcileAtStart>();
if (engine.SeedDemoData)
{
    builder.Services.AddDemoStandIns();
}

var app = builder.Build();
partitionLeases.Attach(app.Services.GetRequiredService<ILogger<PartitionLeaseLog>>());
var edge = app.Services.GetRequiredService<HttpEdge>();
var sidecar = new SidecarReadiness(app.Services.GetRequiredService<Grpc.Net.Client.GrpcChannel>());
app.Use((context, next) => sidecar.GateAsync(context, () => next(context)));
app.Use((context, next) =>
{
    edge.ApplyHeaders(context);
    return next(context);
});
app.Use(async (context, next) =>
{
    // Storage transactions made while serving a route are charged to the route; on the sidecar, the backend's own work
    // runs under the worker's first call (Hello).
    var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "other";
    using var step = StorageTransactions.Step(context.Connection.LocalPort != sidecarPort ? $"http {context.Request.Method} {route}"
        : route.EndsWith("/Hello", StringComparison.Ordinal) ? StorageTransactions.EngineStep
        : "engine " + route[(route.LastIndexOf('/') + 1)..]);
    await next(context);
});
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseWhen(context => context.Connection.LocalPort != sidecarPort, branch => branch.UseRateLimiter());
app.Use(async (context, next) =>
{
    if (edge.GuardStaffPost(context) is { } refusal)
    {
        await refusal.ExecuteAsync(context);
        return;
    }

    await next(context);
});

await app.Services.GetRequiredService<AzureStorageOrchestrationService>().CreateIfNotExistsAsync();
var storage = app.Services.GetRequiredService<DsrStorage>();
await storage.EnsureCreatedAsync();
await app.Services.GetRequiredService<OwnRowKeyLayout>().MoveAsync();
if (engine.SeedDemoData)
{
    await DemoDataSeeder.SeedAsync(storage, app.Logger);
    if (DemoPostgreSql.IsConfigured(app.Configuration))
    {
        await DemoPostgreSql.SeedAsync(app.Configuration, storage, app.Logger);
    }
}

app.MapDsrEndpoints(sidecarPort);
if (engine.SeedDemoData)
{
    app.MapDemoStandIns();
}

app.Lifetime.ApplicationStarted.Register(() => _ = sidecar.ConnectAsync(app.Lifetime.ApplicationStopping));
app.Lifetime.ApplicationStarted.Register(() =>
{
    var mail = app.Configuration["Dsr:Mail:PickupDirectory"];
    Console.WriteLine();
    Console.WriteLine($"Comintech DSR local engine is running.");
    Console.WriteLine($"  Request form:   {engine.Url.TrimEnd('/')}/");
    Console.WriteLine($"  API:            {engine.Url.TrimEnd('/')}/api/requests");
    Console.WriteLine($"  Staff console:  {engine.Url.TrimEnd('/')}/staff  (API key: {(staffKeyFile is null ? "the configured Staff:ApiKey" : "in " + staffKeyFile)})");
    Console.WriteLine($"  Outgoing mail:  {mail}");
    Console.WriteLine($"  Privacy inbox:  POST {engine.Url.TrimEnd('/')}/api/inbound/sendgrid, or .eml files into container {DsrStorage.InboundMailContainer}");
    Console.WriteLine($"  Storage:        {(azurite is null ? "configured account" : $"Azurite on 127.0.0.1:{azurite.BlobPort}-{azurite.TablePort}")}"
        + (taskHubConnectionString == storageConnectionString ? "" : azurite is null ? ", task hub in Engine:TaskHubStorage" : $", task hub tables on 127.0.0.1:{azurite.TaskHubTablePort}"));
    if (engine.SeedDemoData)
    {
        Console.WriteLine();
        foreach (var line in DemoSetup.Walkthrough(engine.Url.TrimEnd('/'), Path.GetRelativePath(RepositoryPaths.Root, mail ?? ".dsr/mail")))
        {
            Console.WriteLine(line);
        }

        Console.WriteLine();
    }

    Console.WriteLine("Press Ctrl+C to stop.");
});
await app.RunAsync();

public partial class Program;

using Comintech.Dsr.Functions.Telemetry;
using Comintech.Dsr.Storage;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<WorkflowActivitySpans>();
builder.UseMiddleware<HttpEdgeMiddleware>();
builder.Configuration.AddDataMapFile(AppContext.BaseDirectory);
builder.Services.AddProblemDetails();
builder.Services.AddDsrCore(builder.Configuration);
builder.Services.AddDsrTelemetry(builder.Configuration, "comintech-dsr-functions");
var app = builder.Build();
// Settings are checked, and rows an older version wrote are moved to their keys, before the worker takes an invocation.
app.Services.GetService<IStartupValidator>()?.Validate();
await app.Services.GetRequiredService<OwnRowKeyLayout>().MoveAsync();
app.Run();

using Comintech.Dsr.Functions.Telemetry;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<WorkflowActivitySpans>();
builder.UseMiddleware<HttpEdgeMiddleware>();
builder.Configuration.AddDataMapFile(AppContext.BaseDirectory);
builder.Services.AddProblemDetails();
builder.Services.AddDsrCore(builder.Configuration);
builder.Services.AddDsrTelemetry(builder.Configuration, "comintech-dsr-functions");
builder.Build().Run();

using Azure.Monitor.OpenTelemetry.Exporter;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Comintech.Dsr.Hosting;

public static class DsrTelemetryRegistration
{
    /// <summary>
    /// OpenTelemetry for a host: the <c>Comintech.Dsr</c> spans and metrics (and the Durable Task SDK's spans),
    /// exported to Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (signed in with
    /// DefaultAzureCredential, as local authentication is off) and to the console when <c>Dsr:Telemetry:Console</c> is true.
    /// </summary>
    public static IServiceCollection AddDsrTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        services.AddOptions<DsrTelemetryOptions>().BindConfiguration(DsrTelemetryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddMetrics();
        services.AddHostedService<OverdueRequestsMonitor>();

        var azureMonitor = configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        var console = configuration.GetValue<bool>($"{DsrTelemetryOptions.Section}:{nameof(DsrTelemetryOptions.Console)}");
        if (string.IsNullOrWhiteSpace(azureMonitor) && !console)
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing =>
            {
                // The Functions worker's invocation spans carry the host's trace context, so worker spans join the host's traces.
                tracing.AddSource(DsrTelemetry.Name, "Microsoft.DurableTask*", "Microsoft.Azure.Functions.Worker");
                if (!string.IsNullOrWhiteSpace(azureMonitor))
                {
                    tracing.AddAzureMonitorTraceExporter(o => AzureMonitor(o, azureMonitor));
                }

                if (console)
                {
                    tracing.AddConsoleExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(DsrTelemetry.Name);
                if (!string.IsNullOrWhiteSpace(azureMonitor))
                {
                    metrics.AddAzureMonitorMetricExporter(o => AzureMonitor(o, azureMonitor));
                }

                if (console)
                {
                    metrics.AddConsoleExporter();
                }
            });
        return services;
    }

    private static void AzureMonitor(AzureMonitorExporterOptions options, string connectionString)
    {
        options.ConnectionString = connectionString;
        options.Credential = new DefaultAzureCredential();
    }
}

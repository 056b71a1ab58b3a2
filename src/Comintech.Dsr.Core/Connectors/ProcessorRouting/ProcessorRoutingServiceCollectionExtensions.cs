namespace Comintech.Dsr.Connectors.ProcessorRouting;

public static class ProcessorRoutingServiceCollectionExtensions
{
    /// <summary>The processor-routing connector, its tables, the follow-up activities, the final notice's wording and the answer routes.</summary>
    public static IServiceCollection AddProcessorRouting(this IServiceCollection services)
    {
        services.AddOptions<ProcessorRoutingOptions>()
            .BindConfiguration(ProcessorRoutingOptions.Section)
            .Validate(o => !o.Problems().Any(), $"{ProcessorRoutingOptions.Section}:Notice: every wording must contain {{clients}}.")
            .ValidateOnStart();
        services.AddSingleton<HostedClients>();
        services.AddSingleton<ClientForwards>();
        services.AddSingleton<ClientForwarder>();
        services.AddSingleton<ControllerNotice>();
        services.AddSingleton<IDataStoreConnector, ProcessorRoutingConnector>();
        return services;
    }
}

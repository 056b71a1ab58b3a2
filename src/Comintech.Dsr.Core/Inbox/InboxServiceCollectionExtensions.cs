namespace Comintech.Dsr.Inbox;

public static class InboxServiceCollectionExtensions
{
    /// <summary>The privacy inbox: parser, loop guard, receipt clock, Message-ID index, raw archive, intake and triage.</summary>
    public static IServiceCollection AddDsrInbox(this IServiceCollection services) => services
        .AddSingleton<InboundMessageParser>()
        .AddSingleton<LoopGuard>()
        .AddSingleton<ReceiptClock>()
        .AddSingleton<InboundMessageIndex>()
        .AddSingleton<RawMessageArchive>()
        .AddSingleton<InboundMailService>()
        .AddSingleton<InboundBlobHandler>()
        .AddSingleton<InboxAcknowledger>()
        .AddSingleton<TriageService>()
        .AddSingleton<InboundMailHttpHandlers>();
}

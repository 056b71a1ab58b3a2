using Comintech.Dsr.Inbox;
using Comintech.Dsr.Notifications;
using Microsoft.Extensions.Options;

namespace Comintech.Dsr.Core.Tests.Inbox;

internal static class InboxTestOptions
{
    public static IOptions<InboxOptions> Default { get; } = Options.Create(new InboxOptions());

    public static IOptions<MailOptions> Mail { get; } = Options.Create(new MailOptions());

    public static string CorpusFolder => Path.Combine(AppContext.BaseDirectory, "Inbox", "Corpus");
}

using Comintech.Dsr.Hosting;
using Microsoft.Extensions.Options;

namespace Comintech.Dsr.Core.Tests.Inbox;

internal static class InboxTestOptions
{
    public static IOptions<DsrOptions> Default { get; } = Options.Create(new DsrOptions { IdentifierHashKey = new string('k', 40) });

    public static string CorpusFolder => Path.Combine(AppContext.BaseDirectory, "Inbox", "Corpus");
}

using System.Text.Json;
using Comintech.Dsr.Inbox;
using Xunit.Abstractions;

namespace Comintech.Dsr.Core.Tests.Inbox;

/// <summary>
/// The corpus under Inbox/Corpus: each .eml with its expected outcome (request, triage, ignored, rejected) and, where it
/// is classified, the expected classification. Fails below 95 % accuracy.
/// </summary>
public sealed class CorpusAccuracyTests(ITestOutputHelper output)
{
    private const double RequiredAccuracy = 0.95;

    private sealed record Expectation(string Outcome, string? Classification);

    private static readonly InboundMessageParser Parser = new(InboxTestOptions.Default);
    private static readonly LoopGuard Guard = new(InboxTestOptions.Default, InboxTestOptions.Mail);

    /// <summary>The same decisions the inbound service takes before it stores a request, without storage.</summary>
    public static (string Outcome, string? Classification) Decide(byte[] raw)
    {
        var parsed = Parser.Parse(raw);
        if (parsed.Rejection is not null)
        {
            return ("rejected", null);
        }

        var mail = parsed.Mail!;
        if (Guard.ReasonToIgnore(mail) is not null)
        {
            return ("ignored", null);
        }

        if (mail.Sender is null)
        {
            return ("rejected", null);
        }

        var classification = RequestClassifier.Classify(mail.Subject, mail.Text);
        return (classification.IsMachineMail ? "ignored" : classification.NeedsTriage ? "triage" : "request", classification.WireName);
    }

    [Fact]
    public void The_corpus_has_at_least_40_messages_in_three_languages_and_every_kind()
    {
        var expected = Expected();
        Assert.True(expected.Count >= 40, $"Only {expected.Count} messages in the corpus.");
        foreach (var prefix in new[] { "en-", "es-", "pt-", "loop-", "bad-" })
        {
            Assert.Contains(expected.Keys, k => k.StartsWith(prefix, StringComparison.Ordinal));
        }

        foreach (var file in expected.Keys)
        {
            Assert.True(File.Exists(Path.Combine(InboxTestOptions.CorpusFolder, file)), $"{file} is listed but missing.");
        }
    }

    [Fact]
    public void Classification_accuracy_on_the_corpus_is_at_least_95_percent()
    {
        var expected = Expected();
        var wrong = new List<string>();
        foreach (var (file, expectation) in expected)
        {
            var (outcome, classification) = Decide(File.ReadAllBytes(Path.Combine(InboxTestOptions.CorpusFolder, file)));
            if (outcome != expectation.Outcome || (expectation.Classification is not null && classification != expectation.Classification))
            {
                wrong.Add($"{file}: expected {expectation.Outcome}/{expectation.Classification}, got {outcome}/{classification}");
            }
        }

        var accuracy = (double)(expected.Count - wrong.Count) / expected.Count;
        var summary = $"Inbox corpus classification accuracy: {accuracy:P1} ({expected.Count - wrong.Count}/{expected.Count})";
        output.WriteLine(summary);
        Console.WriteLine(summary);
        foreach (var line in wrong)
        {
            output.WriteLine("  wrong: " + line);
            Console.WriteLine("  wrong: " + line);
        }

        Assert.True(accuracy >= RequiredAccuracy, summary + "\n" + string.Join('\n', wrong));
    }

    private static Dictionary<string, Expectation> Expected() =>
        JsonSerializer.Deserialize<Dictionary<string, Expectation>>(
            File.ReadAllText(Path.Combine(InboxTestOptions.CorpusFolder, "expected.json")),
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
}

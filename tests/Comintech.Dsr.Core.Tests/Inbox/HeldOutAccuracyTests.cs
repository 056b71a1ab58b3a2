using Comintech.Dsr.Inbox.Model;
using MimeKit;
using Xunit.Abstractions;

namespace Comintech.Dsr.Core.Tests.Inbox;

/// <summary>
/// The shipped classifier (rules + the embedded model) on the held-out split, corpus/inbox/test*.jsonl (each file a batch
/// written before the model it measures was tuned), which is never used to train or tune: each message goes through the
/// parser, the loop guard and the classifier as it would arrive.
/// A message below the minimum confidence counts as unclear (staff see it in triage), so it is right only if it is unclear.
/// Only the figures are printed, never which held-out message failed: what to add is chosen by cross-validation on the
/// train split, so the held-out batches stay unseen.
/// </summary>
public sealed class HeldOutAccuracyTests(ITestOutputHelper output)
{
    // Issue 15's goal. Measured 96.4 % (1,068/1,108; access recall 97 %, deletion 92 %) after 3,554 training messages by
    // twelve writers who read neither the classifier nor the corpus; test-fresh4 and test-fresh5, written the same way
    // before them, 97.5 % and 98.5 % (89.0 % and 94.5 % on the classifier before them, measured with the same rendering).
    private const double RequiredAccuracy = 0.95;
    private const double RequiredRecall = 0.90;

    // Deletion is started from the model alone only above RequestClassifier.DeletionMinimumConfidence: an unsure deletion
    // goes to staff rather than risk erasing data the person never asked to erase (leave-one-batch-out on the train
    // split: a floor of 0.7 gives 93 % deletion recall with 9 other messages in 1,799 read as a deletion; 0.6 94 % and 11).
    private const double RequiredDeletionRecall = 0.90;

    private static readonly string[] MachineLabels = ["auto-reply", "bounce"];

    /// <summary>The held-out batches: test.jsonl, then every later test-*.jsonl.</summary>
    public static IReadOnlyList<string> TestBatches =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "corpus", "inbox"), "test*.jsonl").Order(StringComparer.Ordinal)];

    public static IReadOnlyList<CorpusMessage> TestSplit() => [.. TestBatches.SelectMany(CorpusMessage.ReadAll)];

    public static string TrainSplit => Path.Combine(AppContext.BaseDirectory, "corpus", "inbox", "train.jsonl");

    /// <summary>What the inbox reads the message as: its label, or for mail the loop guard stops, the machine label expected.</summary>
    public static string Read(CorpusMessage message)
    {
        using var stream = new MemoryStream();
        message.ToMime().WriteTo(stream);
        var (outcome, classification) = CorpusAccuracyTests.Decide(stream.ToArray());
        return outcome == "ignored" && classification is null
            ? MachineLabels.Contains(message.Label) ? message.Label : "auto-reply"
            : classification ?? "rejected";
    }

    [Fact]
    public void The_corpus_has_at_least_400_messages_in_three_languages_and_every_label_in_both_splits()
    {
        var train = CorpusMessage.ReadAll(TrainSplit);
        var test = TestSplit();
        Assert.True(train.Count + test.Count >= 400, $"Only {train.Count + test.Count} messages.");
        Assert.Empty(train.Select(m => m.Id).Intersect(test.Select(m => m.Id)));
        foreach (var split in new[] { train, test })
        {
            Assert.Equal(CorpusMessage.Labels.Order(), split.Select(m => m.Label).Distinct().Order());
            Assert.Equal(["en", "es", "pt"], split.Select(m => m.Lang).Distinct().Order());
        }
    }

    [Fact]
    public void Accuracy_on_the_held_out_split_meets_the_floor_with_per_class_precision_and_recall()
    {
        var results = TestBatches.SelectMany(file => CorpusMessage.ReadAll(file).Select(m => (Expected: m.Label, Got: Read(m), Batch: Path.GetFileName(file)))).ToList();
        var accuracy = (double)results.Count(r => r.Expected == r.Got) / results.Count;
        var lines = new List<string> { $"Held-out inbox accuracy: {accuracy:P1} ({results.Count(r => r.Expected == r.Got)}/{results.Count})" };
        foreach (var batch in results.GroupBy(r => r.Batch))
        {
            lines.Add($"  batch {batch.Key}: {(double)batch.Count(r => r.Expected == r.Got) / batch.Count():P1} ({batch.Count(r => r.Expected == r.Got)}/{batch.Count()})");
        }

        lines.Add("  class        precision  recall  n");
        var recall = new Dictionary<string, double>();
        foreach (var label in CorpusMessage.Labels)
        {
            var predicted = results.Count(r => r.Got == label);
            var actual = results.Count(r => r.Expected == label);
            var hits = results.Count(r => r.Got == label && r.Expected == label);
            recall[label] = actual == 0 ? 1 : (double)hits / actual;
            lines.Add($"  {label,-12} {(predicted == 0 ? 1 : (double)hits / predicted),9:P0} {recall[label],7:P0}  {actual}");
        }

        foreach (var line in lines)
        {
            output.WriteLine(line);
            Console.WriteLine(line);
        }

        Assert.True(accuracy >= RequiredAccuracy, lines[0]);
        Assert.True(recall["deletion"] >= RequiredDeletionRecall, $"Deletion recall {recall["deletion"]:P0}");
        Assert.True(recall["access"] >= RequiredRecall, $"Access recall {recall["access"]:P0}");
    }

    [Fact]
    public void Training_from_the_train_split_reproduces_the_shipped_model()
    {
        var (ml, trained) = IntentModel.Train(CorpusMessage.ReadAll(TrainSplit).Select(m => m.ToExample()));
        var retrained = new IntentModel(ml, trained);
        foreach (var message in TestSplit())
        {
            var body = message.Text ?? Dsr.Inbox.HtmlText.ToPlainText(message.Html!);
            var shipped = IntentModel.Shipped.Predict(message.Subject, body);
            var again = retrained.Predict(message.Subject, body);
            Assert.Equal(shipped.Label, again.Label);
            Assert.Equal(shipped.Confidence, again.Confidence, 4);
        }
    }
}

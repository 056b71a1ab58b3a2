using System.Globalization;
using System.Text.RegularExpressions;
using Comintech.Dsr.Inbox;
using Comintech.Dsr.Inbox.Model;

// Trains the inbox intent model from the corpus's train split and writes it where Comintech.Dsr.Core embeds it.
//   train <train.jsonl> <model.zip>   the shipped model (./train-inbox-model.sh)
//   cv <train.jsonl> [batches]        5-fold and leave-one-batch-out cross-validation on the train split, the figures to
//                                     tune by (never the test split); with "batches" only leave-one-batch-out, with
//                                     "errors" also the train split's misread messages (never a held-out one)
//   read <subject> <text>             how the shipped classifier reads one message
if (args is ["train", var trainPath, var modelPath])
{
    var examples = CorpusMessage.ReadAll(trainPath).Select(m => m.ToExample()).ToList();
    var (ml, model) = IntentModel.Train(examples);
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(modelPath))!);
    using (var file = File.Create(modelPath))
    {
        ml.Model.Save(model, null, file);
    }

    Console.WriteLine($"Trained on {examples.Count} messages; model written to {modelPath} ({new FileInfo(modelPath).Length / 1024} KiB).");
    return 0;
}

if (args is ["cv", var cvPath, ..] && args.Length <= 3)
{
    // Two ways to hold out: five folds of the whole train split, and each batch of it (the messages written in one
    // sitting: the id's t2/t3/b/s4/w1... marker) held out in turn, which is the nearer guess of how mail written by others fares.
    var messages = CorpusMessage.ReadAll(cvPath);
    if (args is not [_, _, "batches" or "errors"])
    {
        Report("5-fold cross-validation", messages, messages.Select((_, i) => (i % 5).ToString(CultureInfo.InvariantCulture)).ToList());
    }

    Report("leave-one-batch-out", messages, [.. messages.Select(m => BatchOf(m.Id))], args is [_, _, "errors"]);
    return 0;
}

if (args is ["read", var subject, var text])
{
    var classification = RequestClassifier.Classify(subject, text);
    Console.WriteLine($"{classification.WireName} (best guess {classification.SuggestedName}, {classification.Confidence:P0} by {classification.Source}, language {classification.Language})");
    foreach (var (label, probability) in IntentModel.Shipped.Predict(subject, text).Probabilities.OrderByDescending(p => p.Value))
    {
        Console.WriteLine($"  {label,-12} {probability:P1}");
    }

    return 0;
}

Console.Error.WriteLine("usage: train <train.jsonl> <model.zip> | cv <train.jsonl> [batches] | read <subject> <text>");
return 2;

static string BatchOf(string id) =>
    Regex.Match(id, @"-(t\d|b|s\d|w\d+)(?=\d|-)") is { Success: true } batch ? batch.Groups[1].Value : id.Contains("plain", StringComparison.Ordinal) ? "plain" : "first";

// Which reader decided: the sure rules, the two-requests rule, or the model (above or below its minimum confidence).
static string PathOf(MailClassification classification) => classification switch
{
    { Source: "rules", Intent: not MailIntent.Unclear } => "rules (sure)",
    { Source: "rules" } => "rules (two)",
    { Intent: MailIntent.Unclear, BestGuess: not MailIntent.Unclear } => "model (unsure)",
    _ => "model",
};

static void Report(string title, IReadOnlyList<CorpusMessage> messages, IReadOnlyList<string> folds, bool printErrors = false)
{
    double[] thresholds = [0.3, 0.4, 0.5];
    double[] deletionFloors = [0.6, 0.7, 0.8];
    var (modelRight, rulesRight) = (0, 0);
    var readings = new List<(string Expected, string[,] Got)>();
    var paths = new List<(string Path, bool Right, bool ModelRight)>();
    foreach (var fold in folds.Distinct())
    {
        var (ml, trained) = IntentModel.Train(messages.Where((_, i) => folds[i] != fold).Select(m => m.ToExample()));
        var model = new IntentModel(ml, trained);
        foreach (var message in messages.Where((_, i) => folds[i] == fold))
        {
            var body = message.Text ?? HtmlText.ToPlainText(message.Html!);
            modelRight += model.Predict(message.Subject, body).Label == message.Label ? 1 : 0;
            rulesRight += RequestClassifier.ClassifyByRules(message.Subject, body).WireName == message.Label ? 1 : 0;
            var got = new string[thresholds.Length, deletionFloors.Length];
            for (var t = 0; t < thresholds.Length; t++)
            {
                for (var d = 0; d < deletionFloors.Length; d++)
                {
                    got[t, d] = RequestClassifier.Classify(message.Subject, body, thresholds[t], model, deletionFloors[d]).WireName;
                }
            }

            readings.Add((message.Label, got));
            var modelLabel = model.Predict(message.Subject, body).Label;
            paths.Add((PathOf(RequestClassifier.Classify(message.Subject, body, thresholds[0], model)), got[0, 1] == message.Label, modelLabel == message.Label));
            if (printErrors && got[0, 1] != message.Label)
            {
                Console.WriteLine($"  misread {message.Id} ({paths[^1].Path}, model alone {modelLabel}): {got[0, 1]} | {message.Subject} | {body.ReplaceLineEndings(" / ")[..Math.Min(140, body.Length)]}");
            }
        }
    }

    Console.WriteLine($"{title} ({folds.Distinct().Count()} folds) on {messages.Count} messages: model alone {(double)modelRight / messages.Count:P1}, rules alone {(double)rulesRight / messages.Count:P1}");
    var deletions = readings.Count(r => r.Expected == "deletion");
    for (var t = 0; t < thresholds.Length; t++)
    {
        for (var d = 0; d < deletionFloors.Length; d++)
        {
            var right = readings.Count(r => r.Got[t, d] == r.Expected);
            var deletionRecall = (double)readings.Count(r => r.Expected == "deletion" && r.Got[t, d] == "deletion") / deletions;
            var misreadAsDeletion = readings.Count(r => r.Expected != "deletion" && r.Got[t, d] == "deletion");
            Console.WriteLine($"  rules + model, minimum confidence {thresholds[t]:0.0}, deletion {deletionFloors[d]:0.0}: {(double)right / messages.Count:P1}, deletion recall {deletionRecall:P0}, other mail read as deletion {misreadAsDeletion}");
        }
    }

    // Which reader decided at the shipped setting, and how the model alone would have fared on the same messages.
    foreach (var path in paths.GroupBy(p => p.Path))
    {
        Console.WriteLine($"    decided by {path.Key,-14} {path.Count(),5} messages: right {path.Count(p => p.Right),5}, model alone right {path.Count(p => p.ModelRight),5}");
    }

    // Per class and the confusion matrix at the shipped setting (minimum confidence 0.3, deletion 0.7): rows expected, columns read.
    var shipped = readings.Select(r => (r.Expected, Got: r.Got[0, 1])).ToList();
    Console.WriteLine($"    {"expected",-12} {"precision",9} {"recall",6}  {"n",4}   read as: {string.Join(' ', CorpusMessage.Labels.Select(l => l[..Math.Min(5, l.Length)].PadLeft(5)))}");
    foreach (var label in CorpusMessage.Labels)
    {
        var actual = shipped.Count(r => r.Expected == label);
        var predicted = shipped.Count(r => r.Got == label);
        var hits = shipped.Count(r => r.Expected == label && r.Got == label);
        var row = string.Join(' ', CorpusMessage.Labels.Select(got => shipped.Count(r => r.Expected == label && r.Got == got).ToString(CultureInfo.InvariantCulture).PadLeft(5)));
        Console.WriteLine($"    {label,-12} {(predicted == 0 ? 1 : (double)hits / predicted),9:P0} {(actual == 0 ? 1 : (double)hits / actual),6:P0}  {actual,4}            {row}");
    }
}

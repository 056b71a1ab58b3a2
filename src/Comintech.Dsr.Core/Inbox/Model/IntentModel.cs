using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace Comintech.Dsr.Inbox.Model;

/// <summary>One message as the model sees it: normalised subject and body in <see cref="Text"/>, and its label when training.</summary>
public sealed class IntentExample
{
    public string Text { get; set; } = "";

    public string Label { get; set; } = "";
}

internal sealed class IntentScores
{
    public float[] Score { get; set; } = [];
}

/// <summary>The model's reading of a message: its best label and the probability of every label.</summary>
public sealed record IntentPrediction(string Label, double Confidence, IReadOnlyDictionary<string, double> Probabilities);

/// <summary>
/// The inbox intent model: word n-grams (1–2), character n-grams (1–5) and lexicon concepts of the normalised text,
/// TF-IDF weighted, into a maximum-entropy classifier (its probabilities are the confidence),
/// trained from corpus/inbox/train.jsonl by tools/Comintech.Dsr.InboxTrainer and shipped embedded in this assembly.
/// </summary>
public sealed class IntentModel
{
    public const string ResourceName = "Comintech.Dsr.Inbox.intent-model.zip";
    private const int MaxTextLength = 4000;

    private static readonly Lazy<IntentModel> ShippedModel = new(LoadShipped);

    private readonly PredictionEngine<IntentExample, IntentScores> engine;
    private readonly string[] labels;
    private readonly Lock gate = new();

    public IntentModel(MLContext ml, ITransformer model)
    {
        engine = ml.Model.CreatePredictionEngine<IntentExample, IntentScores>(model);
        VBuffer<ReadOnlyMemory<char>> names = default;
        engine.OutputSchema["Score"].GetSlotNames(ref names);
        labels = [.. names.DenseValues().Select(n => n.ToString())];
    }

    /// <summary>The model embedded in this assembly.</summary>
    public static IntentModel Shipped => ShippedModel.Value;

    /// <summary>The training pipeline; the same seed and the same corpus give the same model.</summary>
    public static IEstimator<ITransformer> Pipeline(MLContext ml) =>
        ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("Features", new TextFeaturizingEstimator.Options
            {
                CaseMode = TextNormalizingEstimator.CaseMode.Lower,
                KeepDiacritics = false,
                KeepPunctuations = false,
                KeepNumbers = false,
                WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf },
                CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 5, UseAllLengths = true, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf },
                Norm = TextFeaturizingEstimator.NormFunction.L2,
            }, nameof(IntentExample.Text)))
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                L2Regularization = 0.0003f,
                L1Regularization = 0f,
                OptimizationTolerance = 1e-6f,
                NumberOfThreads = 1,
            }));

    /// <summary>Trains the pipeline on the examples (deterministic: fixed seed, one thread).</summary>
    public static (MLContext Ml, ITransformer Model) Train(IEnumerable<IntentExample> examples)
    {
        var ml = new MLContext(seed: 15);
        var data = ml.Data.LoadFromEnumerable(examples);
        return (ml, Pipeline(ml).Fit(data));
    }

    /// <summary>
    /// The text the model reads: subject and body normalised as the rules read them (quoted replies, signatures and
    /// forwarded headers dropped), then the <see cref="IntentLexicon"/> concepts it mentions.
    /// </summary>
    public static string TextOf(string subject, string body)
    {
        var text = RequestClassifier.Normalise(RequestClassifier.StripReplyPrefixes(subject)) + " | " + RequestClassifier.Normalise(RequestClassifier.StripQuotedLines(body));
        text = text.Length > MaxTextLength ? text[..MaxTextLength] : text;
        return text + " | " + IntentLexicon.ConceptsOf(text);
    }

    public IntentPrediction Predict(string subject, string body)
    {
        float[] scores;
        lock (gate)
        {
            scores = engine.Predict(new IntentExample { Text = TextOf(subject, body) }).Score;
        }

        var probabilities = labels.Select((label, i) => (label, p: (double)scores[i])).ToDictionary(x => x.label, x => x.p, StringComparer.Ordinal);
        var best = probabilities.MaxBy(p => p.Value);
        return new IntentPrediction(best.Key, best.Value, probabilities);
    }

    private static IntentModel LoadShipped()
    {
        using var stream = typeof(IntentModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The inbox intent model ({ResourceName}) is not embedded; run ./train-inbox-model.sh.");
        var ml = new MLContext(seed: 15);
        return new IntentModel(ml, ml.Model.Load(stream, out _));
    }
}

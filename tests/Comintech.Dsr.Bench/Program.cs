using System.Globalization;
using Comintech.Dsr.Bench.Keyed;
using Comintech.Dsr.Bench.LogScan;
using Comintech.Dsr.Bench.Storm;

// ./bench.sh storm | keyed | logscan [--name N ...]: prints the figures (see README, "Benchmarks").
var defaults = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal)
{
    ["storm"] = new(StringComparer.Ordinal)
    {
        ["--requests"] = 100, ["--stores"] = 12, ["--small"] = 0, ["--floor"] = 1, ["--floor-runs"] = 1, ["--steady-minutes"] = 0, ["--steady-rate"] = 1,
        ["--people"] = 1000, ["--timeout-minutes"] = 60, ["--scan"] = 0, ["--taskhub-apart"] = 1,
    },
    ["keyed"] = new(StringComparer.Ordinal) { ["--rows"] = 200_000, ["--small-rows"] = 1000, ["--requests"] = 20 },
    ["logscan"] = new(StringComparer.Ordinal) { ["--megabytes"] = 1024, ["--people"] = 1000, ["--files"] = 8 },
};

if (args.Length == 0 || !defaults.TryGetValue(args[0], out var settings))
{
    Console.Error.WriteLine("Usage: bench.sh storm|keyed|logscan [--option N ...]");
    return 2;
}

for (var i = 1; i < args.Length; i++)
{
    if (!settings.ContainsKey(args[i]) || i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
    {
        Console.Error.WriteLine($"Usage: bench.sh {args[0]} [{string.Join(" N] [", settings.Keys)} N]");
        return 2;
    }

    settings[args[i++]] = value;
}

Console.WriteLine($"{args[0]}: {string.Join(", ", settings.Select(s => $"{s.Key[2..]} {s.Value}"))}; {Environment.ProcessorCount} cores");
return args[0] switch
{
    "storm" => await StormBench.RunAsync(settings, Console.Out),
    "keyed" => await KeyedLookupBench.RunAsync(settings, Console.Out),
    _ => await LogScanBench.RunAsync(settings, Console.Out),
};

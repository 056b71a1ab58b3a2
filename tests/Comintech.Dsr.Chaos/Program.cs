using System.Globalization;
using Comintech.Dsr.Testing.Chaos;

// ./chaos.sh --requests 100 --kills 5 [--seed 1] [--timeout-minutes 20]: prints the figures; exit code 1 unless all are good.
var settings = new Dictionary<string, int>(StringComparer.Ordinal) { ["--requests"] = 100, ["--kills"] = 5, ["--seed"] = Environment.TickCount, ["--timeout-minutes"] = 20 };
for (var i = 0; i < args.Length; i++)
{
    if (!settings.ContainsKey(args[i]) || i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 0)
    {
        Console.Error.WriteLine($"Usage: chaos.sh [{string.Join(" N] [", settings.Keys)} N]");
        return 2;
    }

    settings[args[i++]] = value;
}

Console.WriteLine($"chaos run: {settings["--requests"]} requests, {settings["--kills"]} kills, seed {settings["--seed"]}");
var report = await ChaosRun.RunAsync(new ChaosOptions(
    settings["--requests"], settings["--kills"], settings["--seed"], TimeSpan.FromMinutes(settings["--timeout-minutes"]), Console.Out));
Console.WriteLine();
Console.Write(report);
return report.AllGood ? 0 : 1;

using System.Diagnostics;
using Comintech.Dsr.Connectors.WebLogs;
using Comintech.Dsr.Storage;
using Comintech.Dsr.Testing;
using Microsoft.Extensions.Options;

namespace Comintech.Dsr.Bench.LogScan;

/// <summary>
/// The web-log connector's matcher (the erasure's one pass for many people) against <c>rg -F -f</c> on the same local
/// files with the same identifiers: matching lines found by each (must agree) and MB/s, both on every core.
/// </summary>
public static class LogScanBench
{
    public static async Task<int> RunAsync(IReadOnlyDictionary<string, int> settings, TextWriter log)
    {
        var people = settings["--people"];
        var clock = Stopwatch.StartNew();
        var files = await NcsaLogs.EnsureAsync(settings["--megabytes"], settings["--files"], people);
        var megabytes = files.Sum(f => new FileInfo(f).Length) / (1024.0 * 1024.0);
        log.WriteLine($"{files.Count} NCSA log files, {megabytes:0} MB, ready after {clock.Elapsed.TotalSeconds:0.0} s; {people} people (IP and e-mail each)");

        var hasher = new IdentifierHasher(TestOptions.HashKey);
        var identifiers = Enumerable.Range(0, people)
            .SelectMany(p => new[] { ($"request-{p}", NcsaLogs.Ip(p), false), ($"request-{p}", NcsaLogs.Email(p), true) })
            .ToList();
        var redactor = new LogRedactor(identifiers, hasher);
        var patterns = Path.Combine(Path.GetDirectoryName(files[0])!, "patterns.txt");
        await File.WriteAllLinesAsync(patterns, redactor.Needles);

        foreach (var file in files)
        {
            // Both read from the page cache: the figure is the matcher's, apart from storage I/O.
            await File.ReadAllBytesAsync(file);
        }

        var (ripgrepLines, ripgrepSeconds) = await RipgrepAsync(patterns, files);
        var (ownLines, ownSeconds) = Scan(redactor, files);
        var ripgrepRate = megabytes / ripgrepSeconds;
        var ownRate = megabytes / ownSeconds;
        log.WriteLine();
        log.WriteLine($"{"",-32}{"matching lines",16}{"seconds",10}{"MB/s",10}");
        log.WriteLine($"{"connector matcher (LogRedactor)",-32}{ownLines,16}{ownSeconds,10:0.00}{ownRate,10:0}");
        log.WriteLine($"{"rg -F -f (ripgrep)",-32}{ripgrepLines,16}{ripgrepSeconds,10:0.00}{ripgrepRate,10:0}");
        log.WriteLine($"same matches: {(ownLines == ripgrepLines ? "yes" : "NO")}; throughput ratio connector/ripgrep: {ownRate / ripgrepRate:0.00}");
        return ownLines == ripgrepLines ? 0 : 1;
    }

    /// <summary>
    /// The connector's matcher over each file's text, decoded from UTF-8 in 4 MB pieces cut at line ends (buffers reused,
    /// as a pass over many blobs would), files spread over the cores.
    /// </summary>
    private static (long Lines, double Seconds) Scan(LogRedactor redactor, IReadOnlyList<string> files)
    {
        var clock = Stopwatch.StartNew();
        long lines = 0;
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, file =>
        {
            var bytes = new byte[4 << 20];
            var chars = new char[(4 << 20) + (64 << 10)];
            var decoder = System.Text.Encoding.UTF8.GetDecoder();
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            var kept = 0;
            int read;
            do
            {
                read = stream.Read(bytes, 0, Math.Min(bytes.Length, chars.Length - kept));
                var total = kept + decoder.GetChars(bytes, 0, read, chars, kept, flush: read == 0);
                var cut = read == 0 ? total : chars.AsSpan(0, total).LastIndexOf('\n') + 1;
                cut = cut == 0 ? total : cut; // a line longer than the buffer is matched in pieces
                Interlocked.Add(ref lines, redactor.MatchingLines(chars.AsSpan(0, cut)).Count);
                kept = total - cut;
                chars.AsSpan(cut, kept).CopyTo(chars);
            }
            while (read > 0);
        });
        return (lines, clock.Elapsed.TotalSeconds);
    }

    private static async Task<(long Lines, double Seconds)> RipgrepAsync(string patterns, IReadOnlyList<string> files)
    {
        var start = new ProcessStartInfo("rg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-F", "-c", "--no-filename", "-j", Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture), "-f", patterns }.Concat(files))
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var rg = Process.Start(start) ?? throw new InvalidOperationException("rg did not start: install the Debian package ripgrep.");
        var output = await rg.StandardOutput.ReadToEndAsync();
        await rg.WaitForExitAsync();
        var seconds = clock.Elapsed.TotalSeconds;
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Sum(long.Parse);
        return (lines, seconds);
    }
}

using System.Globalization;
using System.Text;

namespace Comintech.Dsr.Bench.LogScan;

/// <summary>
/// Generated NCSA combined logs: mostly other visitors, about one line in a hundred from one of the benchmark's people
/// (by IP, or by e-mail in a query string, plain or URL-encoded). Kept in a cache folder and reused by later runs.
/// </summary>
public static class NcsaLogs
{
    private static readonly string[] Paths = ["/", "/products/42", "/cart", "/checkout", "/static/app.js", "/static/site.css", "/search?q=shoes", "/help/returns"];
    private static readonly string[] Agents =
    [
        "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
        "curl/8.5.0",
    ];

    /// <summary>The IP of person <paramref name="person"/> (0–999): no other line's IP contains it.</summary>
    public static string Ip(int person) => $"198.18.{person / 100}.{100 + (person % 100)}";

    public static string Email(int person) => $"person{person:D4}@bench.example";

    public static async Task<IReadOnlyList<string>> EnsureAsync(int megabytes, int files, int people)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"dsr-logscan-{megabytes}mb-{files}f-{people}p");
        Directory.CreateDirectory(folder);
        var perFile = (long)megabytes * 1024 * 1024 / files;
        var paths = Enumerable.Range(0, files).Select(i => Path.Combine(folder, $"access-{i:D2}.log")).ToList();
        await Task.WhenAll(paths.Select((path, i) => Task.Run(() => Write(path, perFile, people, i))));
        return paths;
    }

    private static void Write(string path, long bytes, int people, int seed)
    {
        if (File.Exists(path) && new FileInfo(path).Length >= bytes)
        {
            return;
        }

        var random = new Random(seed);
        var time = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).AddDays(seed);
        using var writer = new StreamWriter(path + ".tmp", false, new UTF8Encoding(false), 1 << 20);
        long written = 0;
        var line = new StringBuilder(300);
        while (written < bytes)
        {
            line.Clear();
            var person = random.Next(100) == 0 ? random.Next(people) : -1;
            var byEmail = person >= 0 && random.Next(3) == 0;
            line.Append(person >= 0 && !byEmail ? Ip(person) : $"203.0.{random.Next(113, 120)}.{random.Next(1, 255)}")
                .Append(" - - [")
                .Append(time.ToString("dd/MMM/yyyy:HH:mm:ss zz00", CultureInfo.InvariantCulture))
                .Append("] \"GET ");
            if (byEmail)
            {
                line.Append("/account?email=").Append(random.Next(2) == 0 ? Email(person) : Uri.EscapeDataString(Email(person)));
            }
            else
            {
                line.Append(Paths[random.Next(Paths.Length)]);
            }

            line.Append(" HTTP/1.1\" ").Append(random.Next(10) == 0 ? 404 : 200).Append(' ').Append(random.Next(200, 90_000))
                .Append(" \"https://shop.example/\" \"").Append(Agents[random.Next(Agents.Length)]).Append("\"\n");
            writer.Write(line);
            written += line.Length;
            time = time.AddMilliseconds(random.Next(1, 400));
        }

        writer.Close();
        File.Move(path + ".tmp", path, overwrite: true);
    }
}

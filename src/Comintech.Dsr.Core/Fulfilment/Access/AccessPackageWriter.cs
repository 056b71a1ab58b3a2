using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Comintech.Dsr.Csv;

namespace Comintech.Dsr.Fulfilment.Access;

/// <summary>Writes an access package as a zip: <c>report.html</c>, <c>package.json</c> and <c>stores/&lt;storeId&gt;.csv</c>.</summary>
public static class AccessPackageWriter
{
    public const string ReportEntry = "report.html";
    public const string JsonEntry = "package.json";

    public static readonly IReadOnlyList<string> Rights =
    [
        "You may ask us to correct inaccurate data about you (GDPR Art. 16; CCPA right to correct).",
        "You may ask us to erase your data (GDPR Art. 17; CCPA right to delete), except where the law requires us to keep it.",
        "You may object to direct marketing at any time (GDPR Art. 21; CCPA right to opt out).",
        "You may complain to your data protection supervisory authority (GDPR Art. 77) or to the California Privacy Protection Agency.",
    ];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static byte[] Write(string requestId, DateTimeOffset generatedAt, IReadOnlyList<AccessPackageSection> sections)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, ReportEntry, Html(requestId, generatedAt, sections));
            Add(zip, JsonEntry, Json(requestId, generatedAt, sections));
            foreach (var section in sections)
            {
                Add(zip, $"stores/{section.Store.Id}.csv", Csv(section.Records));
            }
        }

        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }

    private static string Json(string requestId, DateTimeOffset generatedAt, IReadOnlyList<AccessPackageSection> sections) =>
        new JsonObject
        {
            ["requestId"] = requestId,
            ["generatedAt"] = generatedAt,
            ["stores"] = new JsonArray([.. sections.Select(s => (JsonNode)s.ToJson())]),
            ["rights"] = new JsonArray([.. Rights.Select(r => JsonValue.Create(r))]),
        }.ToJsonString(Indented);

    private static string Html(string requestId, DateTimeOffset generatedAt, IReadOnlyList<AccessPackageSection> sections)
    {
        var html = new StringBuilder()
            .Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Your personal data at Comintech</title></head><body><main>")
            .Append(CultureInfo.InvariantCulture, $"<h1>Your personal data at Comintech</h1><p>Request {E(requestId)}, prepared {E(generatedAt.ToString("u", CultureInfo.InvariantCulture))}.</p>");
        foreach (var section in sections)
        {
            var store = section.Store;
            html.Append(CultureInfo.InvariantCulture, $"<section id=\"{E(store.Id)}\"><h2>{E(store.Name)}</h2><dl>")
                .Append(CultureInfo.InvariantCulture, $"<dt>Categories of data</dt><dd>{E(string.Join(", ", store.Categories))}</dd>")
                .Append(CultureInfo.InvariantCulture, $"<dt>Purposes</dt><dd>{E(store.Purpose)}</dd>")
                .Append(CultureInfo.InvariantCulture, $"<dt>Legal basis</dt><dd>{E(store.LegalBasis)}</dd>")
                .Append(CultureInfo.InvariantCulture, $"<dt>Recipients</dt><dd>{E(store.Recipients.Count == 0 ? "None" : string.Join(", ", store.Recipients))}</dd>")
                .Append(CultureInfo.InvariantCulture, $"<dt>Retention</dt><dd>{E(store.Retention)}</dd>")
                .Append(CultureInfo.InvariantCulture, $"<dt>Source</dt><dd>{E(section.Source)}</dd>")
                .Append(CultureInfo.InvariantCulture, $"<dt>Outcome</dt><dd>{E(section.Outcome.Kind.ToString())}{(section.Outcome.Note is null ? "" : ": " + E(section.Outcome.Note))}</dd></dl>")
                .Append(Table(section.Records))
                .Append("</section>");
        }

        html.Append("<section id=\"rights\"><h2>Your rights</h2><ul>");
        foreach (var right in Rights)
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{E(right)}</li>");
        }

        return html.Append("</ul></section></main></body></html>").ToString();
    }

    private static string Table(JsonArray records)
    {
        if (records.Count == 0)
        {
            return "<p>We hold no records about you here.</p>";
        }

        var (columns, rows) = Tabulate(records);
        var table = new StringBuilder("<table><thead><tr>");
        foreach (var column in columns)
        {
            table.Append(CultureInfo.InvariantCulture, $"<th>{E(column)}</th>");
        }

        table.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            table.Append("<tr>").AppendJoin("", row.Select(cell => $"<td>{E(cell)}</td>")).Append("</tr>");
        }

        return table.Append("</tbody></table>").ToString();
    }

    private static string Csv(JsonArray records)
    {
        var (columns, rows) = Tabulate(records);
        return SafeCsv.Write(columns, rows);
    }

    /// <summary>Objects become rows with one column per property; any other record becomes a row of one <c>value</c> column.</summary>
    private static (List<string> Columns, List<string[]> Rows) Tabulate(JsonArray records)
    {
        var columns = records.OfType<JsonObject>().SelectMany(o => o.Select(p => p.Key)).Distinct(StringComparer.Ordinal).ToList();
        if (records.Any(r => r is not JsonObject))
        {
            columns.Insert(0, "value");
        }

        var rows = records.Select(record => columns.Select(column => record switch
        {
            JsonObject o => Text(o[column]),
            _ => column == "value" ? Text(record) : "",
        }).ToArray()).ToList();
        return (columns, rows);
    }

    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };

    private static string E(string value) => WebUtility.HtmlEncode(value);
}

using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Comintech.Dsr.Csv;
using Comintech.Dsr.Domain;

namespace Comintech.Dsr.Fulfilment.Access;

/// <summary>Writes an access package as a zip: <c>report.html</c>, <c>package.json</c> and <c>stores/&lt;storeId&gt;.csv</c>.</summary>
public static class AccessPackageWriter
{
    public const string ReportEntry = "report.html";
    public const string JsonEntry = "package.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <param name="language">The person's language (en, es, pt) for the report's words; the records stay as the stores hold them.</param>
    /// <param name="law">Whose rights the report lists.</param>
    public static byte[] Write(
        string requestId, DateTimeOffset generatedAt, IReadOnlyList<AccessPackageSection> sections, string? language = null, Jurisdiction law = Jurisdiction.GDPR)
    {
        var texts = AccessPackageTexts.For(language);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, ReportEntry, Html(requestId, generatedAt, sections, texts, law));
            Add(zip, JsonEntry, Json(requestId, generatedAt, sections, texts, law));
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

    private static string Json(string requestId, DateTimeOffset generatedAt, IReadOnlyList<AccessPackageSection> sections, AccessPackageTexts texts, Jurisdiction law) =>
        new JsonObject
        {
            ["requestId"] = requestId,
            ["generatedAt"] = generatedAt,
            ["language"] = texts.Language,
            ["law"] = law.ToString(),
            ["stores"] = new JsonArray([.. sections.Select(s => (JsonNode)s.ToJson(texts))]),
            ["rights"] = new JsonArray([.. texts.RightsFor(law).Select(r => JsonValue.Create(r))]),
        }.ToJsonString(Indented);

    private static string Html(string requestId, DateTimeOffset generatedAt, IReadOnlyList<AccessPackageSection> sections, AccessPackageTexts texts, Jurisdiction law)
    {
        var prepared = string.Format(CultureInfo.InvariantCulture, texts.Prepared, E(requestId), E(generatedAt.ToString("u", CultureInfo.InvariantCulture)));
        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<!doctype html><html lang=\"{texts.Language}\"><head><meta charset=\"utf-8\"><title>{E(texts.Title)}</title></head><body><main>")
            .Append(CultureInfo.InvariantCulture, $"<h1>{E(texts.Title)}</h1><p>{prepared}</p>");
        foreach (var section in sections)
        {
            var store = section.Store;
            var note = section.Outcome.Note is null ? "" : " " + E(section.Outcome.Note);
            html.Append(CultureInfo.InvariantCulture, $"<section id=\"{E(store.Id)}\"><h2>{E(store.Name)}</h2><dl>")
                .Append(Term(texts.Categories, string.Join(", ", store.Categories)))
                .Append(Term(texts.Purposes, store.Purpose))
                .Append(Term(texts.LegalBasis, store.LegalBasis))
                .Append(Term(texts.Recipients, store.Recipients.Count == 0 ? texts.None : string.Join(", ", store.Recipients)))
                .Append(Term(texts.Retention, store.Retention))
                .Append(Term(texts.Source, section.SourceIn(texts)))
                .Append(Term(texts.Transfers, section.TransfersIn(texts)))
                .Append(Term(texts.AutomatedDecisions, section.AutomatedDecisionsIn(texts)))
                .Append(CultureInfo.InvariantCulture, $"<dt>{E(texts.Outcome)}</dt><dd>{E(texts.OutcomeWords(section.Outcome.Kind))}{note}</dd>");
            foreach (var reason in section.Withheld)
            {
                html.Append(Term(texts.Withheld, reason));
            }

            html.Append("</dl>").Append(Table(section.Records, texts)).Append("</section>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<section id=\"rights\"><h2>{E(texts.RightsHeading)}</h2><ul>");
        foreach (var right in texts.RightsFor(law))
        {
            html.Append(CultureInfo.InvariantCulture, $"<li>{E(right)}</li>");
        }

        return html.Append("</ul></section></main></body></html>").ToString();
    }

    private static string Term(string term, string value) => $"<dt>{E(term)}</dt><dd>{E(value)}</dd>";

    private static string Table(JsonArray records, AccessPackageTexts texts)
    {
        if (records.Count == 0)
        {
            return $"<p>{E(texts.NoRecords)}</p>";
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

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
        language = Languages.Normalise(language);
        var texts = AccessPackageTexts.For(language);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, ReportEntry, Html(requestId, generatedAt, sections, language, texts, law));
            Add(zip, JsonEntry, Json(requestId, generatedAt, sections, language, texts, law));
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

    private static string Json(
        string requestId, DateTimeOffset generatedAt, IReadOnlyList<AccessPackageSection> sections, string language, AccessPackageTexts texts, Jurisdiction law) =>
        new JsonObject
        {
            ["requestId"] = requestId,
            ["generatedAt"] = generatedAt,
            ["language"] = language,
            ["law"] = law.ToString(),
            ["stores"] = new JsonArray([.. sections.Select(s => (JsonNode)s.ToJson(texts))]),
            ["rights"] = new JsonArray([.. texts.RightsFor(law).Select(r => JsonValue.Create(r))]),
        }.ToJsonString(Indented);

    /// <summary>The report (<c>Web/Templates/access-report.html</c>): per store what the law says the person may know, then the records.</summary>
    private static string Html(
        string requestId, DateTimeOffset generatedAt, IReadOnlyList<AccessPackageSection> sections, string language, AccessPackageTexts texts, Jurisdiction law) =>
        HtmlTemplates.Render("access-report.html", new TemplateModel
        {
            ["lang"] = language,
            ["title"] = texts.Title,
            ["prepared"] = TextTemplate.Fill(texts.Prepared, ("requestId", requestId), ("date", generatedAt.ToString("u", CultureInfo.InvariantCulture))),
            ["sections"] = sections.Select(s => Section(s, texts)).ToList(),
            ["rightsHeading"] = texts.RightsHeading,
            ["rights"] = texts.RightsFor(law).Select(r => new TemplateModel { ["right"] = r }).ToList(),
        }).Value;

    private static TemplateModel Section(AccessPackageSection section, AccessPackageTexts texts)
    {
        var store = section.Store;
        var outcome = texts.OutcomeWords(section.Outcome.Kind) + (section.Outcome.Note is null ? "" : " " + section.Outcome.Note);
        (string Term, string Value)[] terms =
        [
            (texts.Categories, string.Join(", ", store.Categories)),
            (texts.Purposes, store.Purpose),
            (texts.LegalBasis, store.LegalBasis),
            (texts.Recipients, section.RecipientNames.Count == 0 ? texts.None : string.Join(", ", section.RecipientNames)),
            (texts.Retention, store.Retention),
            (texts.Source, section.SourceIn(texts)),
            (texts.Transfers, section.TransfersIn(texts)),
            (texts.AutomatedDecisions, section.AutomatedDecisionsIn(texts)),
            (texts.Outcome, outcome),
            .. section.Withheld.Select(reason => (texts.Withheld, reason)),
        ];
        var (columns, rows) = Tabulate(section.Records);
        return new TemplateModel
        {
            ["storeId"] = store.Id,
            ["storeName"] = store.Name,
            ["terms"] = terms.Select(t => new TemplateModel { ["term"] = t.Term, ["value"] = t.Value }).ToList(),
            ["hasRecords"] = section.Records.Count > 0,
            ["noRecords"] = texts.NoRecords,
            ["columns"] = columns.Select(c => new TemplateModel { ["column"] = c }).ToList(),
            ["rows"] = rows.Select(r => new TemplateModel { ["cells"] = r.Select(c => new TemplateModel { ["cell"] = c }).ToList() }).ToList(),
        };
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
}

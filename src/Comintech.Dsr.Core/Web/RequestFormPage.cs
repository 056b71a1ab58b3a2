namespace Comintech.Dsr.Web;

/// <summary>
/// GET /: the plain, accessible request form the website embeds (<c>Web/Templates/form.html</c>, in English, Spanish
/// or Portuguese; see <see cref="FormTexts"/>). It works without script (the server answers a form post with a page);
/// with script (<c>form.js</c>) it stays on the page, then takes the code and shows the request's status. Its lists
/// (request types, jurisdictions, reply languages, correctable fields) come from <see cref="UiLists"/>.
/// </summary>
public static class RequestFormPage
{
    public static IResult Form(HttpRequest http, UiLists lists)
    {
        var texts = FormTexts.For(http);
        var model = Model(texts);
        model["scriptTexts"] = texts.ScriptJson;
        model["languageLinks"] = FormTexts.Languages
            .Select(l => new TemplateModel { ["code"] = l, ["current"] = l == texts.Language, ["name"] = LanguageName(l) }).ToList();
        model["typeOptions"] = Options(UiLists.Types, t => texts.Or($"type.{t}", t), null);
        model["jurisdictionOptions"] = Options(UiLists.Jurisdictions, j => texts.Or($"jurisdiction.{j}", j), null);
        model["languageOptions"] = Options(UiLists.ReplyLanguages, LanguageName, texts.Language);
        model["correctionFields"] = lists.CorrectionFields
            .Select(f => new TemplateModel { ["field"] = f, ["label"] = texts.Or($"field.{f}", f) }).ToList();
        return Page(texts, StatusCodes.Status200OK, texts["title"], HtmlTemplates.Render("form.html", model), withScript: true);
    }

    public static IResult Accepted(HttpRequest http, string requestId)
    {
        var texts = FormTexts.For(http);
        var model = Model(texts);
        model["title"] = texts["acceptedTitle"];
        model["requestId"] = requestId;
        model["link"] = $"/?request={Uri.EscapeDataString(requestId)}&lang={texts.Language}#verify";
        return Page(texts, StatusCodes.Status202Accepted, texts["acceptedTitle"], HtmlTemplates.Render("form-accepted.html", model), withScript: false);
    }

    public static IResult Invalid(HttpRequest http, Dictionary<string, List<string>> errors)
    {
        var texts = FormTexts.For(http);
        var model = Model(texts);
        model["title"] = texts["invalidTitle"];
        model["errors"] = errors.OrderBy(e => e.Key, StringComparer.Ordinal)
            .Select(e => new TemplateModel { ["field"] = e.Key, ["messages"] = string.Join(' ', e.Value) }).ToList();
        return Page(texts, StatusCodes.Status400BadRequest, texts["invalidTitle"], HtmlTemplates.Render("form-invalid.html", model), withScript: false);
    }

    private static IResult Page(FormTexts texts, int status, string title, Html main, bool withScript) =>
        WebAssets.Html(HtmlTemplates.Render("form-page.html", new TemplateModel
        {
            ["lang"] = texts.Language,
            ["title"] = title,
            ["withScript"] = withScript,
            ["main"] = main,
        }).Value, status);

    private static TemplateModel Model(FormTexts texts)
    {
        var model = new TemplateModel();
        foreach (var (key, text) in texts.Texts)
        {
            model[key] = text;
        }

        model["lang"] = texts.Language;
        return model;
    }

    private static List<TemplateModel> Options(IEnumerable<string> values, Func<string, string> label, string? selected) =>
        [.. values.Select(v => new TemplateModel { ["value"] = v, ["label"] = label(v), ["selected"] = v == selected })];

    private static string LanguageName(string language) => language switch
    {
        "en" => "English",
        "es" => "Español",
        "pt" => "Português",
        _ => language,
    };
}

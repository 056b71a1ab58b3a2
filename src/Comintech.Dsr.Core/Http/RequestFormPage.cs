using System.Text;
using Comintech.Dsr.Web;
using Microsoft.AspNetCore.Http;
using static Comintech.Dsr.Web.WebAssets;

namespace Comintech.Dsr.Http;

/// <summary>
/// GET /: the plain, accessible request form the website embeds (<c>Web/Assets/form.html</c>, in English, Spanish
/// or Portuguese; see <see cref="FormTexts"/>). It works without script (the server answers a form post with a page);
/// with script (<c>form.js</c>) it stays on the page, then takes the code and shows the request's status. Its lists
/// (request types, jurisdictions, reply languages, correctable fields) come from <see cref="UiLists"/>.
/// </summary>
public static class RequestFormPage
{
    public static IResult Form(HttpRequest http, UiLists lists)
    {
        var texts = FormTexts.For(http);
        var values = Encoded(texts);
        values["scriptTexts"] = Encode(texts.ScriptJson);
        values["languageLinks"] = string.Concat(FormTexts.Languages.Select(l =>
            $"""<a href="/?lang={l}" lang="{l}"{(l == texts.Language ? " aria-current=\"page\"" : "")}>{Encode(LanguageName(l))}</a>"""));
        values["typeOptions"] = Options(UiLists.Types, t => texts.Or($"type.{t}", t), null);
        values["jurisdictionOptions"] = Options(UiLists.Jurisdictions, j => texts.Or($"jurisdiction.{j}", j), null);
        values["languageOptions"] = Options(UiLists.ReplyLanguages, LanguageName, texts.Language);
        values["correctionInputs"] = string.Concat(lists.CorrectionFields.Select(f =>
            $"""<label for="c-{Encode(f)}">{Encode(texts.Or($"field.{f}", f))}</label><input id="c-{Encode(f)}" name="corrections[{Encode(f)}]" maxlength="500">"""));
        return Page(texts, StatusCodes.Status200OK, texts["title"], Render("form.html", values), FormScript);
    }

    public static IResult Accepted(HttpRequest http, string requestId)
    {
        var texts = FormTexts.For(http);
        var link = $"/?request={Uri.EscapeDataString(requestId)}&lang={texts.Language}#verify";
        return Result(texts, StatusCodes.Status202Accepted, texts["acceptedTitle"], $"""
            <p role="status">{Encode(texts["acceptedReference"])} <code>{Encode(requestId)}</code>.</p>
            <p>{Encode(texts["acceptedCode"])} <a href="{Encode(link)}">{Encode(texts["acceptedLink"])}</a> {Encode(texts["acceptedAfter"])}</p>
            """);
    }

    public static IResult Invalid(HttpRequest http, Dictionary<string, List<string>> errors)
    {
        var texts = FormTexts.For(http);
        var items = new StringBuilder();
        foreach (var (field, messages) in errors.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            items.Append("<li><strong>").Append(Encode(field)).Append("</strong>: ").Append(Encode(string.Join(' ', messages))).Append("</li>");
        }

        return Result(texts, StatusCodes.Status400BadRequest, texts["invalidTitle"],
            $"""<div role="alert"><p>{Encode(texts["invalidIntro"])}</p><ul>{items}</ul></div><p><a href="/?lang={texts.Language}">{Encode(texts["invalidBack"])}</a></p>""");
    }

    private const string FormScript = "\n<script src=\"/ui/form.js\" defer></script>";

    /// <summary>A page of its own after a form post without script.</summary>
    private static IResult Result(FormTexts texts, int status, string title, string body) =>
        Page(texts, status, title, $"<main><h1>{Encode(title)}</h1>{body}</main>", script: "");

    private static IResult Page(FormTexts texts, int status, string title, string main, string script) =>
        Html(Render("page.html", new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["lang"] = texts.Language,
            ["title"] = Encode(title),
            ["script"] = script,
            ["main"] = main,
        }), status);

    private static Dictionary<string, string> Encoded(FormTexts texts)
    {
        var values = texts.Texts.ToDictionary(t => t.Key, t => Encode(t.Value), StringComparer.Ordinal);
        values["lang"] = texts.Language;
        return values;
    }

    private static string Options(IEnumerable<string> values, Func<string, string> label, string? selected) =>
        string.Concat(values.Select(v => $"""<option value="{Encode(v)}"{(v == selected ? " selected" : "")}>{Encode(label(v))}</option>"""));

    private static string LanguageName(string language) => language switch
    {
        "en" => "English",
        "es" => "Español",
        "pt" => "Português",
        _ => language,
    };
}

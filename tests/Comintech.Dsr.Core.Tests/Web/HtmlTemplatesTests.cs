using System.Text.RegularExpressions;
using Comintech.Dsr.Web;

namespace Comintech.Dsr.Core.Tests.Web;

public partial class HtmlTemplatesTests
{
    [Fact]
    public void Every_value_is_encoded_unless_it_is_html_a_template_made()
    {
        var inner = HtmlTemplates.Render("link-thanks.html", new TemplateModel { ["message"] = "<b>\"x\" & 'y'</b>" });
        var page = HtmlTemplates.Render("link-page.html", new TemplateModel { ["main"] = inner });

        Assert.Equal("<h1>Thank you</h1><p>&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;</p>", inner.Value);
        Assert.Contains("<main><h1>Thank you</h1><p>&lt;b&gt;", page.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_that_looks_like_template_syntax_stays_text()
    {
        var html = HtmlTemplates.Render("link-form.html", new TemplateModel { ["requestId"] = "{{action}}{{#client}}x{{/client}}", ["action"] = "erasure", ["client"] = false });

        Assert.Contains("<h1>Confirm request {{action}}{{#client}}x{{/client}}</h1>", html.Value, StringComparison.Ordinal);
        Assert.Contains("we carried out the erasure", html.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Sections_show_for_true_repeat_for_lists_and_inverted_sections_show_for_false_or_empty()
    {
        var client = HtmlTemplates.Render("link-form.html", new TemplateModel { ["requestId"] = "r", ["action"] = "erasure", ["client"] = true }).Value;
        var partner = HtmlTemplates.Render("link-form.html", new TemplateModel { ["requestId"] = "r", ["action"] = "erasure", ["client"] = false }).Value;
        var invalid = HtmlTemplates.Render("form-invalid.html", new TemplateModel
        {
            ["title"] = "T", ["invalidIntro"] = "I", ["invalidBack"] = "B", ["lang"] = "en",
            ["errors"] = new List<TemplateModel> { new() { ["field"] = "a", ["messages"] = "1" }, new() { ["field"] = "b", ["messages"] = "2" } },
        }).Value;

        Assert.Contains("<h1>Answer request r</h1>", client, StringComparison.Ordinal);
        Assert.Contains("value=\"retained\"", client, StringComparison.Ordinal);
        Assert.Contains("<h1>Confirm request r</h1>", partner, StringComparison.Ordinal);
        Assert.DoesNotContain("retained", partner, StringComparison.Ordinal);
        Assert.Contains("<ul><li><strong>a</strong>: 1</li><li><strong>b</strong>: 2</li></ul>", invalid, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_the_model_lacks_is_a_programming_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => HtmlTemplates.Render("link-thanks.html", new TemplateModel()));
        Assert.Contains("'message'", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The HTML lives in template files: no C# file of the app builds a document, a script or a style block.</summary>
    [Fact]
    public void No_source_file_holds_an_html_document_a_script_or_a_style_block()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Comintech.DSR.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var offenders = Directory.EnumerateFiles(Path.Combine(root.FullName, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => Markup().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(root.FullName, f))
            .ToList();

        Assert.Empty(offenders);
        Assert.Contains("deletion-certificate.html", HtmlTemplates.Names);
    }

    [GeneratedRegex("<script|<style|<html")]
    private static partial Regex Markup();
}

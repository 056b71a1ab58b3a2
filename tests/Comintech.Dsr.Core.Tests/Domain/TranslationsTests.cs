using Comintech.Dsr.Domain;
using Comintech.Dsr.Fulfilment.Access;
using Comintech.Dsr.Notifications.Texts;

namespace Comintech.Dsr.Core.Tests.Domain;

/// <summary>The translation files are data, so a language that lacks a text or a placeholder is refused at load, by file and key.</summary>
public class TranslationsTests
{
    private sealed record Greeting(string Hello, IReadOnlyList<string> Lines);

    private static Translations<Greeting> Table(string spanish) => new("greeting", new Dictionary<string, string>
    {
        [Languages.English] = """{ "hello": "Hello {name}", "lines": ["one {n}"] }""",
        [Languages.Spanish] = spanish,
    });

    [Fact]
    public void Every_shipped_table_loads_in_every_language_and_unknown_languages_read_English()
    {
        foreach (var language in Languages.All)
        {
            Assert.NotEmpty(NoticeTexts.For(language).TypeNames);
            Assert.NotEmpty(AccessPackageTexts.For(language).GdprRights);
        }

        Assert.Same(NoticeTexts.For(Languages.English), NoticeTexts.For("de"));
        Assert.Same(AccessPackageTexts.For(Languages.English), AccessPackageTexts.For(null));
    }

    [Fact]
    public void A_language_is_read_with_its_own_words()
    {
        var spanish = Table("""{ "hello": "Hola {name}", "lines": ["uno {n}"] }""").For(Languages.Spanish);

        Assert.Equal(new[] { "Hola {name}", "uno {n}" }, new[] { spanish.Hello, spanish.Lines[0] });
    }

    [Theory]
    [InlineData("""{ "lines": ["uno {n}"] }""", "hello")]
    [InlineData("""{ "hello": "Hola", "lines": ["uno {n}"] }""", "hello")]
    [InlineData("""{ "hello": "Hola {nombre}", "lines": ["uno {n}"] }""", "hello")]
    [InlineData("""{ "hello": "Hola {name}", "lines": ["uno {n}", "dos"] }""", "lines[1]")]
    public void A_language_missing_a_text_or_a_placeholder_is_refused_by_file_and_key(string spanish, string key)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => Table(spanish));

        Assert.Contains("greeting.es.json", refused.Message, StringComparison.Ordinal);
        Assert.Contains(key, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_with_a_key_the_table_does_not_have_is_refused()
    {
        var english = """{ "hello": "Hello {name}", "lines": [], "farewell": "Bye" }""";

        var refused = Assert.Throws<InvalidOperationException>(() => new Translations<Greeting>("greeting", new Dictionary<string, string> { [Languages.English] = english }));

        Assert.Contains("farewell", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_fills_each_placeholder_once_and_never_reads_a_value_s_braces()
    {
        Assert.Equal("Hi {name}, 3 left", TextTemplate.Fill("Hi {who}, {n} left", ("who", "{name}"), ("n", 3)));
        Assert.Throws<InvalidOperationException>(() => TextTemplate.Fill("Hi {who}", ("n", 3)));
    }
}

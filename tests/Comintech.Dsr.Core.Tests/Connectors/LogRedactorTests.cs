using Comintech.Dsr.Connectors.WebLogs;
using Comintech.Dsr.Storage;
using Microsoft.Extensions.Options;

namespace Comintech.Dsr.Core.Tests.Connectors;

public class LogRedactorTests
{
    private static readonly IdentifierHasher Hasher = new(Options.Create(new IdentifierHashOptions { IdentifierHashKey = "test-identifier-hash-key-0123456789abcdef" }));

    private static LogRedactor Redactor() => new(
        [("req-a", "203.0.113.7", false), ("req-a", "ada@example.com", true), ("req-b", "198.51.100.1", false)], Hasher);

    [Theory]
    [InlineData("203.0.113.70 - - [x] \"GET / HTTP/1.1\" 200 1 \"-\" \"-\"")]
    [InlineData("1203.0.113.7 - - [x] \"GET / HTTP/1.1\" 200 1 \"-\" \"-\"")]
    [InlineData("10.0.0.1 - - [x] \"GET /?u=bada@example.com HTTP/1.1\" 200 1 \"-\" \"-\"")]
    public void Longer_tokens_that_contain_a_value_are_not_matched(string line) => Assert.Empty(Redactor().Owners(line));

    [Fact]
    public void Every_owner_of_a_line_is_found_and_every_value_replaced_by_a_stable_pseudonym()
    {
        const string line = "203.0.113.7 - - [x] \"GET /reset?email=ADA%40example.com HTTP/1.1\" 200 1 \"https://x/?ref=198.51.100.1\" \"-\"\n";
        var redactor = Redactor();

        var redacted = redactor.Redact(line);

        Assert.Equal(["req-a", "req-b"], redactor.Owners(line).Order());
        Assert.DoesNotContain("203.0.113.7", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("198.51.100.1", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("example.com", redacted, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith("\"-\"\n", redacted, StringComparison.Ordinal);
        Assert.Equal(redacted, Redactor().Redact(line));
        Assert.Matches(@"^ip-[0-9a-f]{16} ", redacted);
    }

    [Fact]
    public void Lines_keep_their_endings_so_a_rewrite_changes_nothing_else()
    {
        const string text = "a\r\nb\nc";

        Assert.Equal(["a\r\n", "b\n", "c"], LogRedactor.Lines(text));
        Assert.Equal(text, LogRedactor.Join(LogRedactor.Lines(text)));
    }

    [Fact]
    public void One_pass_over_a_whole_log_finds_each_matching_line_once_with_all_its_owners()
    {
        const string text = "10.0.0.1 - - [x] \"GET / HTTP/1.1\"\n203.0.113.7 - - [x] \"GET /?ref=198.51.100.1 HTTP/1.1\"\n203.0.113.70 - - [x]\nADA@example.com";

        var lines = Redactor().MatchingLines(text);

        Assert.Equal(2, lines.Count);
        Assert.Equal("203.0.113.7 - - [x] \"GET /?ref=198.51.100.1 HTTP/1.1\"\n", text.Substring(lines[0].Start, lines[0].Length));
        Assert.Equal(["req-a", "req-b"], lines[0].Owners.Order());
        Assert.Equal("ADA@example.com", text[lines[1].Start..]);
    }

    [Fact]
    public void Identifiers_sharing_a_prefix_are_still_told_apart_whole()
    {
        var redactor = new LogRedactor(
            Enumerable.Range(100, 50).Select(i => ($"req-{i}", $"198.18.0.{i}", false)), Hasher);

        Assert.Equal(["req-123"], redactor.Owners("198.18.0.12 198.18.0.1234 x198.18.0.123 198.18.0.123 -"));
    }
}

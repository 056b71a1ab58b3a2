using MimeKit.Text;

namespace Comintech.Dsr.Inbox;

/// <summary>The visible text of an HTML body (script and style dropped, block elements on their own lines).</summary>
public static class HtmlText
{
    private static readonly HashSet<HtmlTagId> Breaks =
    [
        HtmlTagId.Br, HtmlTagId.P, HtmlTagId.Div, HtmlTagId.LI, HtmlTagId.TR, HtmlTagId.H1, HtmlTagId.H2, HtmlTagId.H3,
        HtmlTagId.BlockQuote, HtmlTagId.Table,
    ];

    public static string ToPlainText(string html)
    {
        var text = new StringBuilder();
        var tokenizer = new HtmlTokenizer(new StringReader(html)) { DecodeCharacterReferences = true };
        var hidden = 0;
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag when tag.Id is HtmlTagId.Script or HtmlTagId.Style or HtmlTagId.Head:
                    hidden = Math.Max(0, hidden + (tag.IsEndTag ? -1 : tag.IsEmptyElement ? 0 : 1));
                    break;
                case HtmlTagToken tag when Breaks.Contains(tag.Id):
                    text.Append('\n');
                    break;
                case HtmlDataToken data when hidden == 0:
                    text.Append(data.Data);
                    break;
            }
        }

        return text.ToString();
    }
}

using System.Text;
using static Muster.Reports.Html.Html;

namespace Muster.Reports.Html;

/// <summary>Run text made into HTML: encoded first, then `code spans` and links, never markup from the run.</summary>
internal static class HtmlText
{
    /// <summary>Encoded text with Markdown-style `code` spans as &lt;code&gt; (remediations are written that way).</summary>
    public static string WithCode(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var parts = text.Split('`');
        // An odd number of parts means balanced backticks; otherwise show them as written.
        if (parts.Length % 2 == 0) return E(text);
        var html = new StringBuilder();
        for (var i = 0; i < parts.Length; i++) html.Append(i % 2 == 1 ? "<code>" + E(parts[i]) + "</code>" : E(parts[i]));
        return html.ToString();
    }

    /// <summary>An external link (opens in a new tab, sends no referrer); text encoded, address attribute-encoded.</summary>
    public static string Link(string uri, string textHtml, string? css = null) =>
        $"<a href=\"{E(uri)}\"{(css is null ? "" : $" class=\"{css}\"")} target=\"_blank\" rel=\"noopener noreferrer\">{textHtml}</a>";

    public static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

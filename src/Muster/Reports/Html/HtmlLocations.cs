using System.Text;
using Muster.Model;
using static Muster.Reports.Html.Html;

namespace Muster.Reports.Html;

/// <summary>Locations as code, linked to the file at its line when the run has a repository address.</summary>
internal static class HtmlLocations
{
    public const int Shown = 3;

    public static string One(RunFacts facts, SourceLocation location)
    {
        var code = "<code class=\"loc\">" + E(location.ToString()) + "</code>";
        return facts.Links.File(location) is { } uri ? HtmlText.Link(uri, code) : code;
    }

    /// <summary>The first few locations, the rest behind a disclosure so a gap with 40 files takes one line.</summary>
    public static string List(RunFacts facts, IReadOnlyList<SourceLocation> locations)
    {
        if (locations.Count == 0) return "<span class=\"muted\">no file</span>";
        var h = new StringBuilder(string.Join(" ", locations.Take(Shown).Select(l => One(facts, l))));
        if (locations.Count > Shown)
        {
            h.Append(" <details class=\"more\"><summary>").Append(I(locations.Count - Shown)).Append(" more location(s)</summary>")
                .Append(string.Join(" ", locations.Skip(Shown).Select(l => One(facts, l)))).Append("</details>");
        }
        return h.ToString();
    }
}

using System.Globalization;
using System.Net;

namespace Muster.Reports.Html;

/// <summary>HTML text helpers: everything from a run (findings quote audited files) is encoded, never trusted.</summary>
internal static class Html
{
    /// <summary>Encodes text for element content and double-quoted attribute values.</summary>
    public static string E(string? text) => string.IsNullOrEmpty(text) ? "" : WebUtility.HtmlEncode(text);

    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string I(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A CSS class name derived from a fixed vocabulary (severity, state): lower case letters and '-' only.</summary>
    public static string Css(string token) =>
        new(token.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
}

using System.Text;
using System.Text.RegularExpressions;

namespace Muster.Formats.Nginx;

/// <summary>
/// The glob(3) expansion nginx applies to <c>include</c>: <c>*</c>, <c>?</c> and <c>[...]</c> within one path
/// segment, a leading dot matched only by a literal dot (so <c>*.conf</c> skips <c>.default.conf</c>), matches
/// sorted, only regular files.
/// </summary>
internal static class NginxGlob
{
    public static bool HasWildcard(string pattern) => pattern.IndexOfAny(['*', '?', '[']) >= 0;

    public static List<string> Match(string fullPattern)
    {
        if (!HasWildcard(fullPattern)) return File.Exists(fullPattern) ? [fullPattern] : [];
        var rootLength = System.IO.Path.GetPathRoot(fullPattern)?.Length ?? 0;
        var segments = fullPattern[rootLength..].Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries);
        var candidates = new List<string> { fullPattern[..rootLength] };
        for (var i = 0; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            var segment = segments[i];
            var next = new List<string>();
            foreach (var folder in candidates)
            {
                if (!HasWildcard(segment))
                {
                    next.Add(System.IO.Path.Combine(folder, segment));
                    continue;
                }
                if (!Directory.Exists(folder)) continue;
                var regex = SegmentRegex(segment);
                var entries = last ? Directory.EnumerateFiles(folder) : Directory.EnumerateDirectories(folder);
                next.AddRange(entries.Where(e => Matches(regex, segment, System.IO.Path.GetFileName(e))));
            }
            candidates = next;
        }
        return candidates.Where(File.Exists).Select(System.IO.Path.GetFullPath).Order(StringComparer.Ordinal).ToList();
    }

    private static bool Matches(Regex regex, string segment, string name) =>
        (!name.StartsWith('.') || segment.StartsWith('.')) && regex.IsMatch(name);

    private static Regex SegmentRegex(string segment)
    {
        var pattern = new StringBuilder("^");
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            var close = c == '[' && i + 2 < segment.Length ? segment.IndexOf(']', i + 2) : -1;
            if (c == '*') pattern.Append(".*");
            else if (c == '?') pattern.Append('.');
            else if (close > 0)
            {
                var body = segment[(i + 1)..close];
                var negate = body.StartsWith('!');
                if (negate) body = body[1..];
                pattern.Append('[').Append(negate ? "^" : "").Append(body.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("^", "\\^", StringComparison.Ordinal)).Append(']');
                i = close;
            }
            else pattern.Append(Regex.Escape(c.ToString()));
        }
        return new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }
}

using System.Text;
using System.Text.RegularExpressions;

namespace Muster.Formats.Docker;

/// <summary>
/// Splits a Dockerfile into instructions: comments dropped, backslash continuations joined, heredoc bodies kept with
/// their instruction, each numbered by its build stage.
/// </summary>
internal static partial class DockerfileInstructions
{
    /// <summary><c>Dockerfile</c>, <c>Dockerfile.*</c>, <c>*.Dockerfile</c>, <c>Containerfile</c>, <c>Containerfile.*</c>.</summary>
    public static bool IsDockerfile(string name) =>
        name is "Dockerfile" or "Containerfile" || name.StartsWith("Dockerfile.", StringComparison.Ordinal)
                                                || name.EndsWith(".Dockerfile", StringComparison.OrdinalIgnoreCase)
                                                || name.StartsWith("Containerfile.", StringComparison.Ordinal);

    public static List<DockerInstruction> Split(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var result = new List<DockerInstruction>();
        var stage = -1;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed.StartsWith('#')) continue;
            var startLine = i + 1;
            var column = line.Length - trimmed.Length + 1;
            var sb = new StringBuilder();
            var current = trimmed;
            while (current.TrimEnd().EndsWith('\\') && i + 1 < lines.Length)
            {
                sb.Append(current.TrimEnd()[..^1]).Append(' ');
                i++;
                while (i < lines.Length && (lines[i].TrimStart().StartsWith('#') || lines[i].Trim().Length == 0) && i + 1 < lines.Length) i++;
                current = lines[i].TrimStart();
            }
            sb.Append(current);
            var joined = sb.ToString().Trim();
            if (Heredoc().Match(joined) is { Success: true } heredoc)
            {
                var end = heredoc.Groups["word"].Value;
                while (i + 1 < lines.Length)
                {
                    i++;
                    if (lines[i].Trim() == end) break;
                    joined += "\n" + lines[i];
                }
            }
            var space = joined.IndexOfAny([' ', '\t']);
            var keyword = (space < 0 ? joined : joined[..space]).ToUpperInvariant();
            var args = space < 0 ? "" : joined[(space + 1)..].Trim();
            if (keyword == "FROM") stage++;
            result.Add(new DockerInstruction(keyword, args, startLine, column, Math.Max(stage, 0)));
        }
        return result;
    }

    [GeneratedRegex(@"<<-?[""']?(?<word>[A-Za-z_][A-Za-z0-9_]*)[""']?")]
    private static partial Regex Heredoc();
}

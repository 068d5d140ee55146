using System.Text;

namespace Muster.Agents.ConfigAudit;

/// <summary>A shell script as logical lines. Comments are removed outside quotes; heredoc bodies are kept as lines.</summary>
internal sealed class ShellScriptDocument
{
    public ShellScriptDocument(string path, string text)
    {
        Path = path;
        var raw = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        Shebang = raw.Length > 0 && raw[0].StartsWith("#!", StringComparison.Ordinal) ? raw[0] : null;
        Lines = Join(raw);
    }

    public string Path { get; }
    public string? Shebang { get; }
    public IReadOnlyList<ShellCommandLine> Lines { get; }

    /// <summary>Deploy-like scripts (by file name) are held to the <c>set -e</c> rule.</summary>
    public bool IsDeployScript
    {
        get
        {
            var name = System.IO.Path.GetFileName(Path).ToLowerInvariant();
            return new[] { "deploy", "install", "setup", "provision", "release", "bootstrap", "migrate", "rollout" }.Any(name.Contains);
        }
    }

    public RuleHit Hit(ShellCommandLine at, string message, string? evidence = null) =>
        new(Path, at.Line, at.Column, message, evidence, $"{at.Line}");

    private static List<ShellCommandLine> Join(string[] raw)
    {
        var result = new List<ShellCommandLine>();
        for (var i = 0; i < raw.Length; i++)
        {
            var start = i;
            var first = StripComment(raw[i]);
            var column = first.Length - first.TrimStart().Length + 1;
            var sb = new StringBuilder(first.Trim());
            while (sb.Length > 0 && sb[^1] == '\\' && i + 1 < raw.Length)
            {
                sb.Length--;
                sb.Append(' ').Append(StripComment(raw[++i]).Trim());
            }
            if (sb.Length > 0) result.Add(new ShellCommandLine(sb.ToString(), start + 1, column));
        }
        return result;
    }

    /// <summary>Drops a '#' comment that starts a word outside quotes (so <c>$#</c> and <c>a#b</c> stay).</summary>
    private static string StripComment(string line)
    {
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is not null)
            {
                if (c == quote) quote = null;
                else if (c == '\\' && quote == '"') i++;
                continue;
            }
            if (c is '"' or '\'') quote = c;
            else if (c == '\\') i++;
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1]))) return line[..i];
        }
        return line;
    }
}

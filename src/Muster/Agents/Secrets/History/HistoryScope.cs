namespace Muster.Agents.Secrets.History;

/// <summary>
/// Which commits the secrets agent reads: every commit reachable from HEAD (<c>all</c>), those reachable from HEAD
/// but not from a ref (<c>since=REF</c>), or none. Parsed from the <c>--history</c> option and the plan's
/// <c>history:</c> setting alike.
/// </summary>
public sealed record HistoryScope(HistoryScopeKind Kind, string? Since = null)
{
    public const int DefaultMaxCommits = 10_000;

    /// <summary>Run parameters of <c>--history</c> and <c>--history-max-commits</c>; they win over the plan's settings.</summary>
    public const string RunParameter = "secrets.history";
    public const string MaxCommitsRunParameter = "secrets.history-max-commits";

    public static readonly HistoryScope All = new(HistoryScopeKind.All);
    public static readonly HistoryScope None = new(HistoryScopeKind.None);

    public const string Allowed = "all, none or since=REF";

    /// <summary>The scope <paramref name="text"/> names, or null with <paramref name="error"/> saying why not.</summary>
    public static HistoryScope? TryParse(string text, out string? error)
    {
        error = null;
        var value = text.Trim();
        if (value.Equals("all", StringComparison.OrdinalIgnoreCase)) return All;
        if (value.Equals("none", StringComparison.OrdinalIgnoreCase)) return None;
        if (value.StartsWith("since=", StringComparison.OrdinalIgnoreCase))
        {
            var reference = value["since=".Length..];
            // A ref is handed to git as an argument: one that starts with '-' would be read as an option.
            if (reference.Length == 0 || reference.StartsWith('-') || reference.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) || reference.Contains("..", StringComparison.Ordinal))
            {
                error = $"'{text}': REF in since=REF must be one commit or ref name (no leading '-', spaces or '..')";
                return null;
            }
            return new HistoryScope(HistoryScopeKind.Since, reference);
        }
        error = $"'{text}' is not {Allowed}";
        return null;
    }

    /// <summary>A commit bound: a whole number of at least 1, or null with <paramref name="error"/>.</summary>
    public static int? TryParseMaxCommits(string text, out string? error)
    {
        error = null;
        if (int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1) return n;
        error = $"must be a whole number of at least 1, not '{text}'";
        return null;
    }

    public override string ToString() => Kind switch
    {
        HistoryScopeKind.All => "all",
        HistoryScopeKind.None => "none",
        _ => "since=" + Since,
    };
}

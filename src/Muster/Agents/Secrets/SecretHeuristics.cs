using System.Buffers;
using System.Text.RegularExpressions;

namespace Muster.Agents.Secrets;

/// <summary>Shape checks that separate real secrets from placeholders, code references and plain words.</summary>
internal static partial class SecretHeuristics
{
    private static readonly SearchValues<string> PlaceholderWords = SearchValues.Create(
    [
        "example", "your", "placeholder", "changeme", "change_me", "change-me", "changeit", "dummy", "sample", "redacted",
        "replace", "insert", "todo", "fixme", "xxxx", "****", "....", "…", "<", ">", "${", "{{", "}}", "%(", "$(", "secret_here",
        "key_here", "token_here", "notreal", "not_real", "not-real",
    ], StringComparison.OrdinalIgnoreCase);

    // Values people write when they mean "put the real one here"; also the literal word reused as its own value.
    private static readonly HashSet<string> PlaceholderValues = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "passwd", "pass", "secret", "token", "apikey", "api_key", "guest", "admin", "root", "user", "username",
        "test", "testing", "none", "null", "nil", "undefined", "true", "false", "empty", "string", "str", "bytes", "int",
        "required", "optional", "value", "default", "foobar", "foo", "bar", "baz", "password1", "password123", "letmein",
        "qwerty", "123456", "12345678", "abc123", "secret123", "mypassword", "s3cr3t", "hunter2x", "pass123", "p@ssw0rd",
    };

    public static double Entropy(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty) return 0;
        Span<int> counts = stackalloc int[128];
        var other = new Dictionary<char, int>();
        foreach (var c in value)
        {
            if (c < 128) counts[c]++;
            else other[c] = other.GetValueOrDefault(c) + 1;
        }
        double entropy = 0;
        foreach (var n in counts) entropy -= Term(n, value.Length);
        foreach (var n in other.Values) entropy -= Term(n, value.Length);
        return entropy;
    }

    private static double Term(int count, int length)
    {
        if (count == 0) return 0;
        var p = (double)count / length;
        return p * Math.Log2(p);
    }

    public static bool IsPlaceholder(string value)
    {
        if (value.Length == 0) return true;
        if (PlaceholderValues.Contains(value)) return true;
        if (value.AsSpan().IndexOfAny(PlaceholderWords) >= 0) return true;
        if (EnvironmentReference().IsMatch(value)) return true; // $VAR, ${VAR}
        if (EnvironmentName().IsMatch(value)) return true; // MUSTER_GH_TOKEN: the name of a variable that holds it
        if (value[0] is '{' or '?') return true; // an interpolation or object literal; ${VAR:?message}'s message
        if (TemplateField().IsMatch(value)) return true; // {name}, {name:format}: a template, not a value
        if (value[0] == '%' && value[^1] == '%') return true; // %VAR%
        if (MostlyOneChar(value)) return true;
        return IsSequence(value);
    }

    /// <summary>A human-chosen password: reject code references and plain words, accept short mixed values.</summary>
    public static bool LooksLikePassword(string value)
    {
        if (value.Length < 4 || IsCodeReference(value)) return false;
        if (value.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) return false;
        var classes = CharacterClasses(value);
        if (classes >= 2) return true;
        return value.Length >= 12 && Entropy(value) >= 3.5;
    }

    /// <summary>A machine token in a generic assignment: long, several character classes, not an identifier.</summary>
    public static bool LooksLikeToken(string value)
    {
        if (value.Length < 12 || IsCodeReference(value)) return false;
        if (value.Contains(' ')) return false;
        if (IdentifierWords().IsMatch(value)) return false;
        return CharacterClasses(value) >= 2;
    }

    private static bool IsCodeReference(string value) =>
        CodeReference().IsMatch(value) || IndexedMember().IsMatch(value) || FilePath().IsMatch(value) ||
        value.EndsWith("()", StringComparison.Ordinal) ||
        value.StartsWith("process.env", StringComparison.Ordinal) || value.StartsWith("os.environ", StringComparison.Ordinal) ||
        value.StartsWith("getenv", StringComparison.OrdinalIgnoreCase);

    private static int CharacterClasses(string value)
    {
        bool lower = false, upper = false, digit = false, symbol = false;
        foreach (var c in value)
        {
            if (char.IsLower(c)) lower = true;
            else if (char.IsUpper(c)) upper = true;
            else if (char.IsDigit(c)) digit = true;
            else symbol = true;
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (symbol ? 1 : 0);
    }

    private static bool MostlyOneChar(string value)
    {
        if (value.Length < 6) return false;
        var counts = new Dictionary<char, int>();
        foreach (var c in value) counts[c] = counts.GetValueOrDefault(c) + 1;
        return counts.Values.Max() * 10 >= value.Length * 6;
    }

    private static bool IsSequence(string value)
    {
        if (value.Length < 6) return false;
        var ascending = 0;
        for (var i = 1; i < value.Length; i++)
        {
            if (value[i] == value[i - 1] + 1) ascending++;
        }
        return ascending * 10 >= (value.Length - 1) * 8;
    }

    // member access, calls and indexers: self.password, config.db.password, get_password(), env["X"]
    [GeneratedRegex(@"^[A-Za-z_$][\w$]*(?:(?:\.|::|->)[A-Za-z_$][\w$]*)+(?:\(.*\)|\[.*\])?$|^[A-Za-z_$][\w$.]*(?:\(.*\)|\[.*\])$|^[A-Za-z_$][\w$.]*\(")]
    private static partial Regex CodeReference();

    [GeneratedRegex(@"^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$")]
    private static partial Regex EnvironmentReference();

    [GeneratedRegex(@"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+[})\],;]*$")]
    private static partial Regex EnvironmentName();

    [GeneratedRegex(@"\{[A-Za-z_][\w.]*(?::[^{}]*)?\}")]
    private static partial Regex TemplateField();

    // lines[i].Tokens, rows[0]->key: an indexer followed by member access
    [GeneratedRegex(@"^[A-Za-z_$][\w$]*\[[^\]]*\](?:(?:\.|->)[A-Za-z_$][\w$]*)+;?$")]
    private static partial Regex IndexedMember();

    // src/app/settings.yaml, ./config/token.json: a path to a file, not its content
    [GeneratedRegex(@"^\.{0,2}/?(?:[\w.\-]+/)+[\w.\-]+\.[A-Za-z]{1,5}$")]
    private static partial Regex FilePath();

    // SOME_CONSTANT_NAME, someVariableName, bearer_access_token: identifiers without digits
    [GeneratedRegex(@"^[A-Za-z]+(?:[_.\-][A-Za-z]+)*$")]
    private static partial Regex IdentifierWords();
}

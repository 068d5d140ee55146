using System.Buffers;
using System.Text.RegularExpressions;
using Muster.Formats.Secrets;

namespace Muster.Agents.Secrets;

/// <summary>Shape checks that separate real secrets from placeholders, code references and plain words.</summary>
internal static partial class SecretHeuristics
{
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

    public static bool IsPlaceholder(string value) => SecretValueClassifier.IsNotLiteral(value);

    /// <summary>A marker on the value's line or the line before: "fake", "dummy", "not real", an <c>FP</c> note.</summary>
    public static bool HasFakeMarker(ReadOnlySpan<char> text, int index)
    {
        var lineStart = text[..index].LastIndexOf('\n') + 1;
        var previous = lineStart > 0 ? text[..(lineStart - 1)].LastIndexOf('\n') + 1 : lineStart;
        var end = text[index..].IndexOf('\n');
        var lines = text[previous..(end < 0 ? text.Length : index + end)];
        foreach (var marker in FakeMarkers)
        {
            if (lines.Contains(marker, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return FpMarker().IsMatch(lines);
    }

    private static readonly string[] FakeMarkers = ["fake", "dummy", "not real", "not valid", "not a real", "made up", "made-up"];

    /// <summary>The key the value is assigned to names something about a secret (its file, URL, id, hint...).</summary>
    public static bool KeyIsAboutSecret(ReadOnlySpan<char> text, int index)
    {
        var lineStart = text[..index].LastIndexOf('\n') + 1;
        var prefix = text[lineStart..index].TrimEnd(" \t\"'`*:=>|(,[{".AsSpan());
        var start = prefix.Length;
        while (start > 0 && (char.IsAsciiLetterOrDigit(prefix[start - 1]) || prefix[start - 1] is '_' or '-' or '.')) start--;
        var key = prefix[start..];
        return key.Length > 0 && SecretKeyNames.IsAboutSecret(key.ToString());
    }

    /// <summary>An unquoted value followed on its line by more code or words: an expression or a phrase, not a literal.</summary>
    public static bool FollowedByExpression(ReadOnlySpan<char> text, int index, int length)
    {
        if (index > 0 && text[index - 1] is '"' or '\'' or '`') return false;
        var rest = text[(index + length)..];
        var newline = rest.IndexOf('\n');
        rest = (newline < 0 ? rest : rest[..newline]).TrimStart(" \t");
        if (rest.IsEmpty || rest[0] is '#' or ';' or '\r' or ',' or '}' or ')' or ']' or '|') return false;
        if (rest[0] is '.' or '!' && (rest.Length == 1 || rest[1] is ' ' or '\r')) return false; // the end of a sentence
        if (rest.StartsWith("//") || rest.StartsWith("--") || rest.StartsWith("<!--")) return false;
        return true;
    }

    /// <summary>A human-chosen password: reject code references and plain words, accept short mixed values.</summary>
    public static bool LooksLikePassword(string value)
    {
        if (value.Length < 4 || IsCodeReference(value)) return false;
        if (value.Contains("://", StringComparison.Ordinal)) return false;
        if (value[0] is '!' or '&' or '*' or '@' || Unbalanced(value)) return false; // YAML tags, pointers, decorators, a cut expression
        var lettersOnly = value.All(char.IsLetter);
        if (lettersOnly && (value.Length < 16 || CamelCaseIdentifier().IsMatch(value))) return false;
        var classes = CharacterClasses(value);
        if (classes >= 2) return true;
        return value.Length >= 12 && Entropy(value) >= 3.5;
    }

    /// <summary>A machine token in a generic assignment: long, several character classes, not an identifier.</summary>
    public static bool LooksLikeToken(string value)
    {
        if (value.Length < 12 || IsCodeReference(value)) return false;
        if (value.Contains(' ') || value.Contains("://", StringComparison.Ordinal) || Unbalanced(value)) return false;
        if (IdentifierWords().IsMatch(value) || IdentifierWordsWithDigits().IsMatch(value)) return false;
        return CharacterClasses(value) >= 2;
    }

    private static bool IsCodeReference(string value) =>
        CodeReference().IsMatch(value) || IndexedMember().IsMatch(value) || FilePath().IsMatch(value) || IdentifierList().IsMatch(value) ||
        value.EndsWith("()", StringComparison.Ordinal) ||
        value.StartsWith("process.env", StringComparison.Ordinal) || value.StartsWith("os.environ", StringComparison.Ordinal) ||
        value.StartsWith("getenv", StringComparison.OrdinalIgnoreCase);

    private static bool Unbalanced(string value) =>
        value.Count(c => c == '(') != value.Count(c => c == ')') || value.Count(c => c == '[') != value.Count(c => c == ']')
        || value.Count(c => c == '{') != value.Count(c => c == '}');

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



    // member access, calls and indexers: self.password, config.db.password, get_password(), env["X"]
    // and optional chaining (extra._meta?.progressToken)
    [GeneratedRegex(@"^[A-Za-z_$][\w$]*(?:(?:\??\.|::|->)[A-Za-z_$][\w$]*)+(?:\(.*\)|\[.*\])?$|^[A-Za-z_$][\w$.]*(?:\(.*\)|\[.*\])$|^[A-Za-z_$][\w$.]*\(")]
    private static partial Regex CodeReference();




    // lines[i].Tokens, rows[0]->key: an indexer followed by member access
    [GeneratedRegex(@"^[A-Za-z_$][\w$]*\[[^\]]*\](?:(?:\.|->)[A-Za-z_$][\w$]*)+;?$")]
    private static partial Regex IndexedMember();

    // src/app/settings.yaml, ./config/token.json: a path to a file, not its content
    [GeneratedRegex(@"^\.{0,2}/?(?:[\w.\-]+/)+[\w.\-]+\.[A-Za-z]{1,5}$")]
    private static partial Regex FilePath();

    // [input_details], [a, b]: a list of names in code
    [GeneratedRegex(@"^\[\s*[A-Za-z_$][\w$.]*(?:\s*,\s*[A-Za-z_$][\w$.]*)*\s*,?\]$")]
    private static partial Regex IdentifierList();

    [GeneratedRegex(@"\bFP\b")]
    private static partial Regex FpMarker();

    // NewPassword, ConfirmPassword: an identifier or label, not a password
    [GeneratedRegex(@"^(?:[A-Z][a-z]+){2,}$|^[a-z]+(?:[A-Z][a-z]+)+$")]
    private static partial Regex CamelCaseIdentifier();

    // SOME_CONSTANT_NAME, someVariableName, bearer_access_token, __private_name: identifiers without digits
    [GeneratedRegex(@"^_*[A-Za-z]+(?:[_.\-]+[A-Za-z]+)*_*$")]
    private static partial Regex IdentifierWords();

    // allow_s3_exposure, oauth2_token, K8S_SECRET_NAME: words of one case, each with at most one short run of digits
    // (s3, v2, k8s). Random base64 mixes cases within a word and spreads its digits.
    [GeneratedRegex(@"^_*(?:[a-z]+(?:\d{1,2}[a-z]*)?(?:[_.\-]+[a-z]+(?:\d{1,2}[a-z]*)?)*|[A-Z]+(?:\d{1,2}[A-Z]*)?(?:[_.\-]+[A-Z]+(?:\d{1,2}[A-Z]*)?)*)_*$")]
    private static partial Regex IdentifierWordsWithDigits();
}

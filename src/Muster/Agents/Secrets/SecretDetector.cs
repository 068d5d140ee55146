using System.Text.RegularExpressions;
using Muster.Formats.Secrets;

namespace Muster.Agents.Secrets;

/// <summary>
/// Finds rule matches in a piece of text: a keyword prefilter finds candidate positions, and each rule's regex runs
/// only in a window around its keyword hits (merged when they overlap), never over the whole text.
/// </summary>
internal sealed class SecretDetector(SecretRuleSet rules)
{
    private static readonly string[] InlineAllowMarkers = ["muster:allow", "gitleaks:allow", "pragma: allowlist secret"];

    public SecretRuleSet Rules => rules;

    /// <summary>
    /// Scans <paramref name="text"/>. A keyword hit whose window ends at or before <paramref name="overlap"/> was
    /// already handled with the previous chunk; unless <paramref name="isLast"/>, a hit whose window runs past the end
    /// is left for the next chunk, which repeats this text's tail.
    /// </summary>
    public List<SecretHit> Scan(ReadOnlySpan<char> text, int overlap, bool isLast, ref int regexTimeouts)
    {
        var references = 0;
        return Scan(text, overlap, isLast, ref regexTimeouts, ref references);
    }

    /// <summary>As above; <paramref name="references"/> counts generic assignments skipped because their value is a reference (placeholders).</summary>
    public List<SecretHit> Scan(ReadOnlySpan<char> text, int overlap, bool isLast, ref int regexTimeouts, ref int references)
    {
        var hits = new List<SecretHit>();
        var windows = CollectWindows(text, overlap, isLast, ref references);
        if (windows is null) return hits;
        foreach (var (ruleIndex, spans) in windows)
        {
            var rule = rules.Rules[ruleIndex];
            foreach (var (start, end) in spans)
            {
                try
                {
                    ScanWindow(rule, rule.RegexForWindow(), text, start, end, hits);
                }
                catch (RegexMatchTimeoutException)
                {
                    try
                    {
                        ScanWindow(rule, rule.PatientRegex, text, start, end, hits);
                    }
                    catch (RegexMatchTimeoutException)
                    {
                        regexTimeouts++;
                    }
                }
            }
        }
        return hits;
    }

    /// <summary>Context kept around a match when it is matched again for its groups: more than any rule's lookaround.</summary>
    private const int GroupContext = 64;

    /// <summary>Adds the window's hits only once the whole window is matched, so a retry never reports one twice.</summary>
    private static void ScanWindow(SecretRule rule, Regex regex, ReadOnlySpan<char> text, int start, int end, List<SecretHit> hits)
    {
        // Matches are found on the span; only a match is copied to a string (with context for lookarounds) to read
        // its groups, so a window of hundreds of characters is never allocated for a 40-character token.
        List<SecretHit>? found = null;
        var window = text[start..end];
        foreach (var value in regex.EnumerateMatches(window))
        {
            var from = Math.Max(0, value.Index - GroupContext);
            var to = Math.Min(window.Length, value.Index + value.Length + GroupContext);
            var copy = new string(window[from..to]);
            var match = regex.Match(copy, value.Index - from);
            if (!match.Success || match.Index != value.Index - from || match.Length != value.Length)
            {
                // A lookaround reached past the context: match the whole window as a string instead.
                copy = new string(window);
                from = 0;
                match = regex.Match(copy, value.Index);
            }
            var group = rule.SecretGroup(match);
            if (group.Length == 0) continue;
            var hit = Evaluate(rule, group.Value, start + from + group.Index, text);
            if (hit is not null) (found ??= []).Add(hit);
        }
        if (found is not null) hits.AddRange(found);
    }

    public List<SecretHit> Scan(string text)
    {
        var timeouts = 0;
        return Scan(text, 0, isLast: true, ref timeouts);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private Dictionary<int, List<(int Start, int End)>>? CollectWindows(ReadOnlySpan<char> text, int overlap, bool isLast, ref int references)
    {
        Dictionary<int, List<(int Start, int End)>>? windows = null;
        var keywordRules = new List<(int Rule, int KeywordLength)>();
        var offset = 0;
        while (offset < text.Length)
        {
            var p = rules.Prefilter.IndexOfCandidate(text, offset);
            if (p < 0) break;
            keywordRules.Clear();
            rules.KeywordRulesAt(text, p, keywordRules);
            foreach (var (ruleIndex, keywordLength) in keywordRules)
            {
                var rule = rules.Rules[ruleIndex];
                if (p + rule.WindowAfter <= overlap) continue; // the previous chunk had this whole window
                var valueAt = rule.AssignmentGate ? AssignmentGate.ValueStart(text, p + keywordLength) : 0;
                if (valueAt < 0) continue;
                if (!isLast && p + rule.WindowAfter > text.Length) continue; // the next chunk will have it whole
                if (rule.AssignmentGate && rule.Validator is SecretValidator.Password or SecretValidator.Token && AssignmentGate.IsReference(text, valueAt))
                {
                    references++;
                    continue;
                }
                var start = Math.Max(0, p - rule.WindowBefore);
                var end = Math.Min(text.Length, p + rule.WindowAfter);
                windows ??= [];
                if (!windows.TryGetValue(ruleIndex, out var spans)) windows[ruleIndex] = spans = [];
                if (spans.Count > 0 && spans[^1].End >= start) spans[^1] = (spans[^1].Start, Math.Max(spans[^1].End, end));
                else spans.Add((start, end));
            }
            offset = p + 1;
        }
        return windows;
    }

    private static SecretHit? Evaluate(SecretRule rule, string secret, int index, ReadOnlySpan<char> text)
    {
        var generic = rule.Validator is SecretValidator.Password or SecretValidator.Token;
        // "password_hint: ...", "token_url: ...", "POSTGRES_PASSWORD_FILE=...": the key names something about a secret.
        if (generic && SecretHeuristics.KeyIsAboutSecret(text, index)) return null;
        var kind = SecretValueClassifier.Classify(secret);
        var encrypted = kind == SecretValueKind.Encrypted ? "the value is ciphertext (" + CipherName(secret) + ")"
            : generic && text.Contains("kind: SealedSecret", StringComparison.Ordinal) ? "the file is a SealedSecret: its values are ciphertext for the cluster's controller"
            : null;
        var placeholder = encrypted is null && (kind != SecretValueKind.Literal || SecretHeuristics.HasFakeMarker(text, index));
        if (!placeholder && encrypted is null)
        {
            if (rule.MinEntropy > 0 && SecretHeuristics.Entropy(secret) < rule.MinEntropy) return null;
            var shaped = rule.Validator switch
            {
                SecretValidator.Password => SecretHeuristics.LooksLikePassword(secret) && !(rule.AssignmentGate && SecretHeuristics.FollowedByExpression(text, index, secret.Length)),
                SecretValidator.Token => SecretHeuristics.LooksLikeToken(secret) && !(rule.AssignmentGate && SecretHeuristics.FollowedByExpression(text, index, secret.Length)),
                SecretValidator.BasicAuth => StructuredValues.IsBasicCredential(secret),
                SecretValidator.Jwt => StructuredValues.IsJwt(secret),
                SecretValidator.AtlassianPat => StructuredValues.IsAtlassianDataCenterToken(secret),
                _ => true,
            };
            if (!shaped) return null;
        }
        var check = rule.Validator switch
        {
            SecretValidator.Base62Crc32 => TokenChecksums.Base62Crc32(secret),
            SecretValidator.NkeySeed => TokenChecksums.NkeySeed(secret),
            SecretValidator.Bech32 => TokenChecksums.Bech32String(secret),
            _ => TokenCheck.NotApplicable,
        };
        var softened = placeholder || encrypted is not null ? null
            : secret.StartsWith("eyJ", StringComparison.Ordinal) ? StructuredValues.PublicJwtRole(secret)
            : LocalCredentials.Soften(rule, secret, index, text);
        return new SecretHit(rule, secret, index, placeholder, IsAllowedInline(text, index, secret.Length))
        { Check = check, Encrypted = encrypted, Softened = softened };
    }

    private static string CipherName(string value) =>
        value.StartsWith("ENC[", StringComparison.Ordinal) ? "sops ENC[...]"
        : value.StartsWith("ENC(", StringComparison.Ordinal) ? "Jasypt ENC(...)"
        : value.StartsWith('!') || value.StartsWith('$') ? "Ansible vault"
        : value.StartsWith("vault:", StringComparison.Ordinal) ? "Vault transit"
        : value.StartsWith("AQICAH", StringComparison.Ordinal) ? "AWS KMS"
        : "an encrypted block";

    private static bool IsAllowedInline(ReadOnlySpan<char> text, int index, int length)
    {
        const int reach = 4096;
        var from = Math.Max(0, index - reach);
        var before = text[from..index];
        var lineStart = before.LastIndexOf('\n') + 1 + from;
        var to = Math.Min(text.Length, index + length + reach);
        var after = text[(index + length)..to];
        var newline = after.IndexOf('\n');
        var lineEnd = newline < 0 ? to : index + length + newline;
        var line = text[lineStart..lineEnd];
        foreach (var marker in InlineAllowMarkers)
        {
            if (line.Contains(marker, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}

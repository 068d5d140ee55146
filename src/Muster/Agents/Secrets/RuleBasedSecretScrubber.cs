using System.Text;
using Muster.Model;

namespace Muster.Agents.Secrets;

/// <summary>
/// Redacts every rule match in free text (journal rows, log lines, LLM prompts) with <see cref="Redaction.Redact"/>,
/// using the same rules and prefilter as the secrets agent. Placeholders are left alone.
/// </summary>
public sealed class RuleBasedSecretScrubber : ISecretScrubber
{
    private readonly SecretDetector _detector;

    /// <summary>Uses the built-in rules.</summary>
    public RuleBasedSecretScrubber()
        : this(SecretRuleSet.BuiltIn)
    {
    }

    /// <summary>Uses the built-in rules extended by the user's rule file (the <c>rules</c> setting / <c>--rules</c>); null for none.</summary>
    public RuleBasedSecretScrubber(string? userRulesPath)
        : this(userRulesPath is null ? null : SecretRuleSet.ReadUserFile(userRulesPath), userRulesPath ?? "")
    {
    }

    internal RuleBasedSecretScrubber(SecretRuleSet rules) => _detector = new SecretDetector(rules);

    private RuleBasedSecretScrubber(string? userRules, string source)
        : this(userRules is null ? SecretRuleSet.BuiltIn : SecretRuleSet.WithUserRules(userRules, source)) =>
        UserRules = userRules is null ? [] : [userRules];

    /// <summary>The built-in rules extended by a rule file's text read elsewhere (a cluster worker gets the coordinator's).</summary>
    /// <exception cref="AgentSettingsException">The text is not a valid rule file.</exception>
    public static RuleBasedSecretScrubber FromUserRules(string yaml, string source) => new(yaml, source);

    public IReadOnlyList<string> UserRules { get; } = [];

    public string Scrub(string text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        var hits = _detector.Scan(text).Where(h => !h.IsPlaceholder).OrderBy(h => h.Index).ThenByDescending(h => h.Secret.Length).ToList();
        if (hits.Count == 0) return text;
        var sb = new StringBuilder(text.Length);
        var position = 0;
        foreach (var hit in hits)
        {
            if (hit.Index < position)
            {
                // Overlaps a redacted span: extend it if this match runs further.
                var end = hit.Index + hit.Secret.Length;
                if (end > position) position = end;
                continue;
            }
            sb.Append(text, position, hit.Index - position).Append(Redaction.Redact(hit.Secret));
            position = hit.Index + hit.Secret.Length;
        }
        sb.Append(text, position, text.Length - position);
        return sb.ToString();
    }
}

using System.Text.RegularExpressions;
using Muster.Model;

namespace Muster.Agents.Secrets;

/// <summary>
/// The compiled rules plus the keyword prefilter shared by all of them. Built once per run; thread-safe to use.
/// </summary>
internal sealed class SecretRuleSet
{
    public const string BuiltInResourceName = "secrets-rules.muster.yaml";

    /// <summary>A hostile file must not hang a scan: a regex that runs longer than this on one window gives up.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

    /// <summary>The bound for the one retry of a window whose first attempt hit <see cref="MatchTimeout"/>.</summary>
    public static readonly TimeSpan PatientMatchTimeout = TimeSpan.FromSeconds(5);

    private static readonly Lazy<SecretRuleSet> BuiltInLazy = new(() => Build(LoadBuiltInFile(), null));

    internal SecretRuleSet(IReadOnlyList<SecretRule> rules)
    {
        Rules = rules;
        var byKeyword = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rules.Count; i++)
        {
            foreach (var keyword in rules[i].Keywords)
            {
                if (!byKeyword.TryGetValue(keyword, out var list)) byKeyword[keyword] = list = [];
                list.Add(i);
            }
        }
        Prefilter = new KeywordPrefilter(byKeyword.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.OrdinalIgnoreCase));
        MaxWindow = rules.Count == 0 ? 0 : rules.Max(r => r.WindowBefore + r.WindowAfter);
    }

    public IReadOnlyList<SecretRule> Rules { get; }
    /// <summary>Fast candidate finder over all keywords; <see cref="KeywordRulesAt"/> verifies each candidate.</summary>
    public KeywordPrefilter Prefilter { get; }

    /// <summary>The longest text one rule can look at; chunks overlap by more than this.</summary>
    public int MaxWindow { get; }

    public static SecretRuleSet BuiltIn => BuiltInLazy.Value;

    /// <summary>The built-in rules extended by a user's rule file (same format; same id replaces, <c>disable:</c> removes).</summary>
    public static SecretRuleSet WithUserFile(string path) => WithUserRules(ReadUserFile(path), path);

    /// <summary>The built-in rules extended by a user rule file's text, read elsewhere (<paramref name="source"/> names it in errors).</summary>
    public static SecretRuleSet WithUserRules(string yaml, string source) => Build(LoadBuiltInFile(), ParseOrThrow(yaml, source));

    public static string ReadUserFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new Agents.AgentSettingsException($"setting 'rules': cannot read '{path}': {e.Message}");
        }
    }

    public static SecretRuleSet FromYaml(string yaml) => Build(ParseOrThrow(yaml, "rules"), null);

    /// <summary>Adds to <paramref name="into"/> each rule whose keyword occurs at the given index of <paramref name="text"/>.</summary>
    public void KeywordRulesAt(ReadOnlySpan<char> text, int index, List<(int Rule, int KeywordLength)> into) =>
        Prefilter.RulesAt(text, index, into);

    private static SecretRuleFile LoadBuiltInFile()
    {
        using var stream = typeof(SecretRuleSet).Assembly.GetManifestResourceStream(BuiltInResourceName)
                           ?? throw new InvalidOperationException($"embedded resource {BuiltInResourceName} is missing");
        using var reader = new StreamReader(stream);
        return SecretRuleFile.Parse(reader.ReadToEnd());
    }

    private static SecretRuleFile ParseOrThrow(string yaml, string source)
    {
        try
        {
            return SecretRuleFile.Parse(yaml);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new Agents.AgentSettingsException($"rule file '{source}' is not valid: {Formats.Yaml.BoundedYaml.Describe(e)}");
        }
    }

    private static SecretRuleSet Build(SecretRuleFile builtIn, SecretRuleFile? user)
    {
        var defaultRemediation = user?.Defaults?.Remediation ?? builtIn.Defaults?.Remediation
                                 ?? "Rotate the credential, move it to a secret manager and remove the plaintext copy.";
        var entries = new List<RuleEntry>(builtIn.Rules);
        if (user is not null)
        {
            var disabled = new HashSet<string>(user.Disable, StringComparer.Ordinal);
            entries.RemoveAll(e => e.Id is not null && disabled.Contains(e.Id));
            foreach (var entry in user.Rules)
            {
                var existing = entries.FindIndex(e => e.Id == entry.Id);
                if (existing >= 0) entries[existing] = entry;
                else entries.Add(entry);
            }
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var rules = new List<SecretRule>();
        foreach (var entry in entries)
        {
            var rule = Compile(entry, defaultRemediation);
            if (!ids.Add(rule.Id)) throw new Agents.AgentSettingsException($"secret rule '{rule.Id}' is defined twice");
            rules.Add(rule);
        }
        return new SecretRuleSet(rules);
    }

    /// <summary>
    /// <c>{{start}}</c>: where a token may begin. Not after a token character, except right after an ANSI colour code,
    /// a percent-escape (<c>%22</c>) or a backslash escape (<c>\n</c>), which glue text to a token in logs and dumps.
    /// </summary>
    public const string StartBoundary = @"(?:(?<![A-Za-z0-9_-])|(?<=\[[0-9;]{0,12}m)|(?<=%[0-9A-Fa-f]{2})|(?<=\[nrt]))";

    internal static string ExpandMacros(string regex) => regex.Replace("{{start}}", StartBoundary, StringComparison.Ordinal);

    private static SecretRule Compile(RuleEntry entry, string defaultRemediation)
    {
        var id = string.IsNullOrWhiteSpace(entry.Id) ? throw new Agents.AgentSettingsException("a secret rule has no 'id'") : entry.Id;
        if (entry.Keywords.Count == 0 || entry.Keywords.Any(k => k is null || k.Length < 3 || k.Any(c => c >= 128)))
            throw new Agents.AgentSettingsException($"secret rule '{id}' needs keywords of at least three ASCII characters");
        if (string.IsNullOrEmpty(entry.Regex)) throw new Agents.AgentSettingsException($"secret rule '{id}' has no 'regex'");
        Regex regex;
        try
        {
            regex = new Regex(ExpandMacros(entry.Regex), RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new Agents.AgentSettingsException($"secret rule '{id}' has an invalid regex: {e.Message}");
        }
        var severity = Severity.Critical;
        if (entry.Severity is not null && !SeverityText.TryParse(entry.Severity, out severity))
            throw new Agents.AgentSettingsException($"secret rule '{id}': severity must be critical, high, medium, low or info");
        var validator = entry.Validator?.ToLowerInvariant() switch
        {
            null or "none" => SecretValidator.None,
            "password" => SecretValidator.Password,
            "token" => SecretValidator.Token,
            "base62-crc32" => SecretValidator.Base62Crc32,
            "nkey-seed" => SecretValidator.NkeySeed,
            "bech32" => SecretValidator.Bech32,
            "basic-auth" => SecretValidator.BasicAuth,
            "jwt" => SecretValidator.Jwt,
            "atlassian-pat" => SecretValidator.AtlassianPat,
            _ => throw new Agents.AgentSettingsException($"secret rule '{id}': validator must be password, token, base62-crc32, nkey-seed, bech32, basic-auth, jwt, atlassian-pat or none"),
        };
        return new SecretRule
        {
            Id = id,
            Description = entry.Description ?? id,
            Keywords = entry.Keywords,
            Regex = regex,
            SecretGroupNumber = regex.GroupNumberFromName("secret") is var named and >= 0 ? named : regex.GetGroupNumbers().Length > 1 ? 1 : 0,
            MinEntropy = entry.Entropy,
            Validator = validator,
            AssignmentGate = entry.AssignmentGate,
            Severity = severity,
            Remediation = entry.Remediation ?? defaultRemediation,
            WindowBefore = Math.Clamp(entry.Before ?? 32, 0, 4096),
            WindowAfter = Math.Clamp(entry.After ?? 256, 16, 8192),
            MatchSamples = entry.Samples?.Match ?? [],
            NoMatchSamples = entry.Samples?.NoMatch ?? [],
        };
    }
}

using Muster.Formats.Yaml;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Muster.Agents.Secrets;

/// <summary>The YAML shape of a rule file (the built-in one and users' extensions).</summary>
internal sealed class SecretRuleFile
{
    public Defaults? Defaults { get; set; }
    public List<RuleEntry> Rules { get; set; } = [];

    /// <summary>Built-in rule ids a user file switches off.</summary>
    public List<string> Disable { get; set; } = [];

    public static SecretRuleFile Parse(string yaml)
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(HyphenatedNamingConvention.Instance)
            .Build();
        return BoundedYaml.Deserialize<SecretRuleFile?>(deserializer, yaml) ?? new SecretRuleFile();
    }
}

internal sealed class Defaults
{
    public string? Remediation { get; set; }
}

internal sealed class RuleEntry
{
    public string? Id { get; set; }
    public string? Description { get; set; }
    public List<string> Keywords { get; set; } = [];
    public string? Regex { get; set; }
    public double Entropy { get; set; }
    public string? Validator { get; set; }
    public bool AssignmentGate { get; set; }
    public string? Severity { get; set; }
    public string? Remediation { get; set; }
    public int? Before { get; set; }
    public int? After { get; set; }
    public Samples? Samples { get; set; }
}

internal sealed class Samples
{
    public List<string> Match { get; set; } = [];

    [YamlMember(Alias = "no-match")]
    public List<string> NoMatch { get; set; } = [];
}

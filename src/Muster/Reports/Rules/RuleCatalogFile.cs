using Muster.Formats.Yaml;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Muster.Reports.Rules;

/// <summary>The YAML shape of <c>report-rules.muster.yaml</c>.</summary>
internal sealed class RuleCatalogFile
{
    public List<RulePageEntry> Pages { get; set; } = [];
    public List<RuleTextEntry> Rules { get; set; } = [];

    public static RuleCatalogFile Parse(string yaml) =>
        BoundedYaml.Deserialize<RuleCatalogFile?>(
            new DeserializerBuilder().WithNamingConvention(HyphenatedNamingConvention.Instance).Build(), yaml) ?? new RuleCatalogFile();
}

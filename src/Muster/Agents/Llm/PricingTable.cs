using System.Globalization;
using Muster.Formats.Yaml;
using YamlDotNet.Serialization;

namespace Muster.Agents.Llm;

/// <summary>
/// Default prices for common hosted models (<c>llm-pricing.muster.yaml</c>). A model id matches the longest entry it
/// starts with, so dated versions (<c>gpt-4o-2024-08-06</c>) take their family's price. Unknown models have no price:
/// their cost is reported as not measured, never as zero.
/// </summary>
internal sealed class PricingTable
{
    private readonly IReadOnlyList<(string Prefix, ModelPrice Price)> _entries;

    public PricingTable(IEnumerable<(string Prefix, ModelPrice Price)> entries) =>
        _entries = entries.OrderByDescending(e => e.Prefix.Length).ToList();

    public static PricingTable Default { get; } = LoadEmbedded();

    public ModelPrice? Find(string model)
    {
        var id = model.Trim().ToLowerInvariant();
        var slash = id.LastIndexOf('/');
        if (slash >= 0) id = id[(slash + 1)..];
        foreach (var (prefix, price) in _entries)
        {
            if (id.StartsWith(prefix, StringComparison.Ordinal)) return price;
        }
        return null;
    }

    public static PricingTable Parse(string yaml)
    {
        var models = BoundedYaml.Deserialize<Dictionary<string, Dictionary<string, Dictionary<string, string>>>>(new DeserializerBuilder().Build(), yaml)
            ?.GetValueOrDefault("models") ?? [];
        return new PricingTable(models.Select(kv => (kv.Key.ToLowerInvariant(), new ModelPrice(
            decimal.Parse(kv.Value["input"], CultureInfo.InvariantCulture),
            decimal.Parse(kv.Value["output"], CultureInfo.InvariantCulture)))));
    }

    private static PricingTable LoadEmbedded()
    {
        using var stream = typeof(PricingTable).Assembly.GetManifestResourceStream("llm-pricing.muster.yaml")
            ?? throw new InvalidOperationException("the embedded pricing table is missing from the build");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}

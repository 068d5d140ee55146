using Muster.Agents;
using Muster.Composition;
using Muster.Engine.Plans;

namespace Muster.Tests.Agents.SettingDocs;

/// <summary>
/// Every built-in kind's settings descriptions are true of its typed settings record: the keys it reads are the keys
/// documented, each documented type's sample is accepted and its wrong value refused, each literal default reads as
/// the absent key does, and the plan parser refuses a key no description names.
/// </summary>
public sealed class SettingsDescriptionTests
{
    /// <summary>Keys read only to refuse them with a better message than "unknown setting".</summary>
    private static readonly Dictionary<string, string[]> RefusedKeys = new(StringComparer.Ordinal) { ["llm"] = ["api-key"] };

    private static readonly AgentRegistry Registry = BuiltInAgents.CreateRegistry();

    public static TheoryData<string> Kinds() => new(Registry.All.Select(d => d.Kind));

    public static TheoryData<string, string> Keys()
    {
        var data = new TheoryData<string, string>();
        foreach (var d in Registry.All)
        {
            foreach (var s in d.Settings ?? []) data.Add(d.Kind, s.Key);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_settings_record_reads_exactly_the_documented_keys(string kind)
    {
        var descriptor = Registry.Get(kind);
        var docs = Assert.IsAssignableFrom<IReadOnlyList<SettingDoc>>(descriptor.Settings);
        Assert.Equal(docs.Count, docs.Select(d => d.Key).Distinct(StringComparer.Ordinal).Count());
        if (descriptor.ValidateSettings is not { } read)
        {
            Assert.Empty(docs);
            return;
        }
        var settings = new ReadKeys(Minimal(docs));
        read(new AgentSettings(settings));

        var documented = docs.Select(d => d.Key).Concat(RefusedKeys.GetValueOrDefault(kind, [])).Order(StringComparer.Ordinal);
        Assert.Equal(documented, settings.Read.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void A_value_of_the_documented_type_is_accepted_and_a_wrong_one_refused(string kind, string key)
    {
        var (descriptor, doc) = Find(kind, key);
        var read = descriptor.ValidateSettings!;
        read(new AgentSettings(With(descriptor.Settings!, doc, doc.Sample ?? doc.Type.Sample)));
        if (doc.Type.Wrong is not { } wrong) return;

        var error = Assert.Throws<AgentSettingsException>(() => read(new AgentSettings(With(descriptor.Settings!, doc, wrong))));
        Assert.True(error.Key is null || error.Key.StartsWith(key, StringComparison.Ordinal), $"'{key}: {wrong}' was refused for '{error.Key}': {error.Message}");
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void A_documented_default_reads_as_the_absent_key(string kind, string key)
    {
        var (descriptor, doc) = Find(kind, key);
        var docs = descriptor.Settings!;
        Assert.False(doc.Default is not null && doc.Required, $"'{key}' is required and has a default");
        Assert.False(doc.Default is not null && doc.Unset is not null, $"'{key}' has both a default and an unset meaning");
        if (doc.Default is null) return;

        var read = descriptor.ValidateSettings!;
        var absent = read(new AgentSettings(Minimal(docs)));
        var given = read(new AgentSettings(With(docs, doc, doc.Default)));
        Assert.Equal(SettingValues.Shape(absent), SettingValues.Shape(given));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_plan_parser_refuses_a_key_no_description_names(string kind)
    {
        var docs = Registry.Get(kind).Settings!;
        var lines = docs.Where(d => d.Required).Select(d => $"          {d.Key}: {d.Sample ?? d.Type.Sample}\n");
        var plan = $"name: p\nwaves:\n  - name: w\n    agents:\n      - id: a\n        kind: {kind}\n        with:\n{string.Concat(lines)}          no-such-setting: 1\n";

        var error = Assert.Single(Assert.Throws<PlanException>(() => new PlanParser(Registry).Parse(plan, "plan.yaml")).Errors);
        Assert.Contains($"unknown setting 'no-such-setting' for kind '{kind}'", error.Message, StringComparison.Ordinal);
    }

    private static (AgentDescriptor Descriptor, SettingDoc Doc) Find(string kind, string key)
    {
        var descriptor = Registry.Get(kind);
        return (descriptor, descriptor.Settings!.Single(s => s.Key == key));
    }

    /// <summary>The required keys with their samples: the smallest block the record accepts.</summary>
    private static Dictionary<string, object?> Minimal(IReadOnlyList<SettingDoc> docs) =>
        SettingValues.Of(docs.Where(d => d.Required).Select(d => (d.Key, d.Sample ?? d.Type.Sample)));

    /// <summary>The smallest block with <paramref name="doc"/> set to <paramref name="yaml"/> (and what it needs, without what it replaces).</summary>
    private static Dictionary<string, object?> With(IReadOnlyList<SettingDoc> docs, SettingDoc doc, string yaml)
    {
        var values = Minimal(docs);
        if (doc.InsteadOf is { } replaced) values.Remove(replaced);
        if (doc.Needs is { } needed && docs.Single(d => d.Key == needed) is var other) values[needed] = SettingValues.Parse(other.Sample ?? other.Type.Sample);
        values[doc.Key] = SettingValues.Parse(yaml);
        return values;
    }
}

using System.Collections;
using System.Globalization;
using System.Reflection;
using Muster.Agents;
using Muster.Engine.Plans;
using YamlDotNet.RepresentationModel;

namespace Muster.Tests.Agents.SettingDocs;

/// <summary>Settings built from plan-syntax values (as a plan's <c>with:</c> holds them), and a typed record's shape for comparing two reads.</summary>
internal static class SettingValues
{
    /// <summary>The value of <paramref name="yaml"/> (a scalar, <c>[a, b]</c> or <c>{k: v}</c>) as the plan parser stores it.</summary>
    public static object? Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader("v: " + yaml));
        return PlanParser.ToValue(((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("v")]);
    }

    public static Dictionary<string, object?> Of(IEnumerable<(string Key, string Yaml)> values) =>
        values.ToDictionary(v => v.Key, v => Parse(v.Yaml), StringComparer.Ordinal);

    /// <summary>A text that two reads of equal settings share: public properties, lists in order, sets and maps sorted.</summary>
    public static string Shape(object? value) => value switch
    {
        null => "null",
        string s => '"' + s + '"',
        IDictionary map => "{" + string.Join(", ", map.Keys.Cast<object>().Select(k => $"{Shape(k)}: {Shape(map[k])}").Order(StringComparer.Ordinal)) + "}",
        IEnumerable items when IsSet(value) => "set[" + string.Join(", ", items.Cast<object?>().Select(Shape).Order(StringComparer.Ordinal)) + "]",
        IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(Shape)) + "]",
        _ when value.GetType().Assembly == typeof(AgentSettings).Assembly && !value.GetType().IsEnum =>
            value.GetType().Name + "(" + string.Join(", ", value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0)
                .Select(p => $"{p.Name}={Shape(p.GetValue(value))}")) + ")",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static bool IsSet(object value) =>
        value.GetType().GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlySet<>));
}

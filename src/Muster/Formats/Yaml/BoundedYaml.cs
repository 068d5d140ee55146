using Muster.Formats.Limits;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;

namespace Muster.Formats.Yaml;

/// <summary>
/// The one entry point through which Muster reads YAML from audited input. Size, nesting, alias count and alias
/// expansion are bounded (<see cref="InputLimits"/>); going over a budget throws <see cref="YamlLimitException"/>,
/// which readers report as a scan error for that file.
/// </summary>
public static class BoundedYaml
{
    /// <summary>Loads every document of <paramref name="text"/>; aliases share the anchored node, as YamlDotNet does.</summary>
    /// <exception cref="YamlException">Invalid YAML, or a <see cref="YamlLimitException"/> for a budget.</exception>
    public static YamlStream Load(string text)
    {
        CheckSize(text);
        var stream = new YamlStream();
        stream.Load(new BoundedYamlParser(text));
        foreach (var document in stream.Documents) YamlExpansion.Check(document.RootNode);
        return stream;
    }

    /// <summary>Deserializes <paramref name="text"/> with <paramref name="deserializer"/> behind the same budgets.</summary>
    /// <exception cref="YamlException">Invalid YAML, or a <see cref="YamlLimitException"/> for a budget.</exception>
    public static T Deserialize<T>(IDeserializer deserializer, string text)
    {
        CheckSize(text);
        return deserializer.Deserialize<T>(new BoundedYamlParser(text));
    }

    /// <summary>The message for a finding: a budget's own reason, or "not valid YAML: ..." without the position prefix.</summary>
    public static string Describe(YamlException e) => e switch
    {
        YamlLimitException limit => limit.Reason,
        _ when e.InnerException is { } inner && e.Message.Contains("see inner", StringComparison.OrdinalIgnoreCase) => "not valid YAML: " + inner.Message,
        _ => "not valid YAML: " + WithoutPosition(e.Message),
    };

    private static void CheckSize(string text)
    {
        if (text.Length > InputLimits.YamlMaxChars)
        {
            throw new YamlLimitException(Mark.Empty,
                $"YAML document is {text.Length:N0} characters, over the {InputLimits.YamlMaxChars:N0} budget; not audited");
        }
    }

    private static string WithoutPosition(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: ..) - (...): "; positions are reported separately.
        var index = message.LastIndexOf("): ", StringComparison.Ordinal);
        return index >= 0 ? message[(index + 3)..] : message;
    }
}

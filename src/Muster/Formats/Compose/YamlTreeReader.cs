using Muster.Formats.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Muster.Formats.Compose;

/// <summary>
/// Reads YAML text into a <see cref="ComposeNode"/> tree: aliases resolved, <c>&lt;&lt;</c> merge keys applied.
/// <see cref="ReadAsWritten"/> keeps the tree as the file states it instead (see there).
/// </summary>
internal static class YamlTreeReader
{
    private const int MaxDepth = 200;

    /// <summary>Returns the document root, or null for an empty document. Throws <see cref="ComposeFormatException"/>.</summary>
    public static ComposeNode? Read(string text, string file) => Read(text, file, asWritten: false);

    /// <summary>
    /// The first document as written, for checks that point at lines: <c>&lt;&lt;</c> merge entries stay entries (look
    /// through them with <see cref="ComposeAsWritten.Get"/>), keys that are not text are skipped, scalars keep their
    /// text (<c>null</c>, <c>~</c> and empty included) and an error the YAML reader gives no position for is at line 0,
    /// column 0. Throws <see cref="ComposeFormatException"/>.
    /// </summary>
    public static ComposeNode? ReadAsWritten(string text, string file) => Read(text, file, asWritten: true);

    private static ComposeNode? Read(string text, string file, bool asWritten)
    {
        YamlStream stream;
        try
        {
            stream = BoundedYaml.Load(text);
        }
        catch (YamlLimitException e)
        {
            throw new ComposeFormatException("yaml-limit", e.Reason,
                "flatten the structure or remove the aliases that multiply it (see docs/input-limits.md)",
                new ComposePosition(file, (int)Math.Max(1, e.Start.Line), (int)Math.Max(1, e.Start.Column)));
        }
        catch (YamlException e)
        {
            throw new ComposeFormatException("yaml-syntax", BoundedYaml.Describe(e),
                "correct the YAML syntax at this position (indentation, a missing ':' or an unclosed quote are common causes)",
                new ComposePosition(file, (int)Math.Max(1, e.Start.Line), (int)Math.Max(1, e.Start.Column)));
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new ComposeFormatException("yaml-syntax", $"not valid YAML: {e.Message}",
                "remove the duplicated key or fix the structure", asWritten ? new ComposePosition(file, 0, 0) : new ComposePosition(file, 1, 1));
        }
        if (stream.Documents.Count == 0) return null;
        if (asWritten) return Convert(stream.Documents[0].RootNode, file, 0, asWritten: true);
        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode.Start;
            throw new ComposeFormatException("yaml-multiple-documents", "a compose file holds one YAML document; this one holds several",
                "split the documents into separate files and pass each with -f",
                new ComposePosition(file, (int)second.Line, (int)second.Column));
        }
        return Convert(stream.Documents[0].RootNode, file, 0, asWritten: false);
    }

    private static ComposePosition At(YamlNode node, string file) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    private static ComposeNode Convert(YamlNode node, string file, int depth, bool asWritten)
    {
        if (depth > MaxDepth)
        {
            throw new ComposeFormatException("yaml-too-deep", "the document nests too deeply (or an alias refers to its own ancestor)",
                "flatten the structure or remove the self-referencing alias", At(node, file));
        }
        switch (node)
        {
            case YamlScalarNode scalar:
                {
                    var plain = scalar.Style is ScalarStyle.Plain or ScalarStyle.Any;
                    if (asWritten) return new ComposeScalar(At(node, file), scalar.Value ?? "", plain) { End = new ComposePosition(file, (int)node.End.Line, (int)node.End.Column) };
                    var value = plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL" ? null : scalar.Value ?? "";
                    return new ComposeScalar(At(node, file), value, plain);
                }
            case YamlSequenceNode sequence:
                return new ComposeSequence(At(node, file), sequence.Children.Select(c => Convert(c, file, depth + 1, asWritten)).ToList());
            case YamlMappingNode mapping:
                {
                    var entries = new List<ComposeEntry>();
                    var merged = new List<ComposeEntry>();
                    foreach (var (keyNode, valueNode) in mapping.Children)
                    {
                        if (asWritten)
                        {
                            if (keyNode is YamlScalarNode { Value: { } name }) entries.Add(new ComposeEntry(name, At(keyNode, file), Convert(valueNode, file, depth + 1, true)));
                            continue;
                        }
                        var key = keyNode is YamlScalarNode k ? k.Value ?? "" : throw new ComposeFormatException("yaml-complex-key",
                            "mapping keys must be plain text", "write the key as a plain word", At(keyNode, file));
                        var value = Convert(valueNode, file, depth + 1, asWritten);
                        if (key == "<<" && keyNode is YamlScalarNode { Style: ScalarStyle.Plain })
                        {
                            foreach (var source in value is ComposeSequence s ? s.Items : [value])
                            {
                                if (source is not ComposeMapping m)
                                {
                                    throw new ComposeFormatException("yaml-merge-key", "a '<<' merge key must refer to a mapping or a list of mappings",
                                        "point '<<' at an anchored mapping (<<: *defaults)", source.Position);
                                }
                                merged.AddRange(m.Entries.Where(e => merged.All(x => x.Key != e.Key)));
                            }
                            continue;
                        }
                        entries.Add(new ComposeEntry(key, At(keyNode, file), value));
                    }
                    entries.AddRange(merged.Where(m => entries.All(e => e.Key != m.Key)));
                    return new ComposeMapping(At(node, file), entries);
                }
            default:
                throw new ComposeFormatException("yaml-unsupported", "unsupported YAML node", "use plain mappings, lists and scalars", At(node, file));
        }
    }
}

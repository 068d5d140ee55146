using Muster.Formats.Yaml;
using Muster.Workspace;
using YamlDotNet.RepresentationModel;

namespace Muster.Agents.AgentDefinitions;

/// <summary>Reads every agent definition in a workspace.</summary>
internal sealed class AgentDefinitionReader(string root, long maxBytes = AgentDefinitionReader.DefaultMaxBytes)
{
    public const long DefaultMaxBytes = 1024 * 1024;

    public List<(string Path, string Reason)> Unreadable { get; } = [];

    /// <summary>Definition files over the size limit (those that may define agents): not read.</summary>
    public List<WorkspaceFile> TooLarge { get; } = [];

    public IReadOnlyList<AgentDefinition> Read(CancellationToken cancellationToken)
    {
        var definitions = new List<AgentDefinition>();
        var walker = new WorkspaceWalker(root, new WalkOptions { Include = ["**/*.md", "**/*.yaml", "**/*.yml"] });
        foreach (var file in walker.EnumerateFiles(cancellationToken))
        {
            var path = file.RelativePath;
            var folder = System.IO.Path.GetDirectoryName(path)?.Replace('\\', '/') ?? "";
            var name = System.IO.Path.GetFileName(path);
            if (file.Length > maxBytes)
            {
                if (MayDefineAgents(file, folder, name)) TooLarge.Add(file);
                continue;
            }
            try
            {
                if (path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
                {
                    if (folder.EndsWith(".claude/agents", StringComparison.Ordinal) || folder.Contains(".claude/agents/", StringComparison.Ordinal))
                    {
                        definitions.Add(ReadClaude(file, AgentDefinition.ClaudeAgent));
                    }
                    else if (folder.EndsWith(".claude/commands", StringComparison.Ordinal) || folder.Contains(".claude/commands/", StringComparison.Ordinal))
                    {
                        definitions.Add(ReadClaude(file, AgentDefinition.ClaudeCommand));
                    }
                    continue;
                }
                var text = File.ReadAllText(file.FullPath);
                if (name is "agents.yaml" or "agents.yml") definitions.AddRange(ReadCrewAi(path, text, AgentDefinition.CrewAiAgent));
                else if (name is "tasks.yaml" or "tasks.yml") definitions.AddRange(ReadCrewAi(path, text, AgentDefinition.CrewAiTask));
                else if (text.Contains("waves:", StringComparison.Ordinal)) definitions.AddRange(ReadPlan(path, text));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Unreadable.Add((path, e.Message));
            }
            catch (YamlLimitException e)
            {
                Unreadable.Add((path, e.Reason));
            }
        }
        return definitions;
    }

    private static bool MayDefineAgents(WorkspaceFile file, string folder, string name) =>
        file.RelativePath.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
            ? IsClaudeFolder(folder, ".claude/agents") || IsClaudeFolder(folder, ".claude/commands")
            : name is "agents.yaml" or "agents.yml" or "tasks.yaml" or "tasks.yml" || FileContains.Ascii(file.FullPath, "waves:");

    private static bool IsClaudeFolder(string folder, string marker) =>
        folder.EndsWith(marker, StringComparison.Ordinal) || folder.Contains(marker + "/", StringComparison.Ordinal);

    private static AgentDefinition ReadClaude(WorkspaceFile file, string source)
    {
        var lines = File.ReadAllLines(file.FullPath);
        var name = System.IO.Path.GetFileNameWithoutExtension(file.RelativePath);
        if (lines.Length == 0 || lines[0].Trim() != "---") return new AgentDefinition { Source = source, Name = name, Path = file.RelativePath };
        var end = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (end < 0) return new AgentDefinition { Source = source, Name = name, Path = file.RelativePath };
        var map = YamlText.LoadMapping(string.Join('\n', lines[1..end]));
        if (map is null) return new AgentDefinition { Source = source, Name = name, Path = file.RelativePath };
        var tools = YamlText.Get(map, "tools") ?? YamlText.Get(map, "allowed-tools");
        var model = YamlText.Get(map, "model");
        return new AgentDefinition
        {
            Source = source,
            Name = YamlText.Scalar(map, "name") ?? name,
            Path = file.RelativePath,
            Description = YamlText.Scalar(map, "description"),
            Tools = YamlText.List(tools),
            ToolsLine = tools is null ? 1 : YamlText.Line(tools, 1),
            Model = (model as YamlScalarNode)?.Value,
            ModelLine = model is null ? 1 : YamlText.Line(model, 1),
        };
    }

    private static IEnumerable<AgentDefinition> ReadCrewAi(string path, string text, string source)
    {
        if (YamlText.LoadMapping(text) is not { } map) yield break;
        foreach (var (key, value) in map.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } || value is not YamlMappingNode body) continue;
            var tools = YamlText.Get(body, "tools");
            var llm = YamlText.Get(body, "llm") ?? YamlText.Get(body, "model");
            yield return new AgentDefinition
            {
                Source = source,
                Name = name,
                Path = path,
                Line = YamlText.Line(key),
                Role = YamlText.Scalar(body, "role")?.Trim() ?? YamlText.Scalar(body, "agent"),
                Description = YamlText.Scalar(body, "goal") ?? YamlText.Scalar(body, "description"),
                Tools = YamlText.List(tools),
                ToolsLine = tools is null ? YamlText.Line(key) : YamlText.Line(tools),
                Model = (llm as YamlScalarNode)?.Value,
                ModelLine = llm is null ? YamlText.Line(key) : YamlText.Line(llm),
            };
        }
    }

    private static IEnumerable<AgentDefinition> ReadPlan(string path, string text)
    {
        if (YamlText.LoadMapping(text) is not { } map || YamlText.Get(map, "waves") is not YamlSequenceNode waves) yield break;
        foreach (var wave in waves.Children.OfType<YamlMappingNode>())
        {
            if (YamlText.Get(wave, "agents") is not YamlSequenceNode agents) continue;
            foreach (var agent in agents.Children.OfType<YamlMappingNode>())
            {
                var with = YamlText.Get(agent, "with") as YamlMappingNode;
                var model = with is null ? null : YamlText.Get(with, "model");
                yield return new AgentDefinition
                {
                    Source = AgentDefinition.MusterPlanAgent,
                    Name = YamlText.Scalar(agent, "id") ?? "?",
                    Path = path,
                    Line = YamlText.Line(agent),
                    Role = YamlText.Scalar(agent, "role") ?? YamlText.Scalar(agent, "kind"),
                    Model = (model as YamlScalarNode)?.Value,
                    ModelLine = model is null ? YamlText.Line(agent) : YamlText.Line(model),
                };
            }
        }
    }
}

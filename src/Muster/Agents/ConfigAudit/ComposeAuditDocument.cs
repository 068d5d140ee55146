using Muster.Formats.Compose;

namespace Muster.Agents.ConfigAudit;

/// <summary>A compose file read as written (positions kept, no interpolation, no merging), or the reason it could not be.</summary>
internal sealed class ComposeAuditDocument
{
    private ComposeAuditDocument(string path, ComposeMapping? root, IReadOnlyList<ComposeServiceDefinition> services, RuleHit? error)
    {
        Path = path;
        Root = root;
        Services = services;
        Error = error;
    }

    public string Path { get; }
    public ComposeMapping? Root { get; }
    public IReadOnlyList<ComposeServiceDefinition> Services { get; }
    public RuleHit? Error { get; }

    public static ComposeAuditDocument Parse(string path, string text)
    {
        ComposeNode? tree;
        try
        {
            tree = YamlTreeReader.ReadAsWritten(text, path);
        }
        catch (ComposeFormatException e)
        {
            var at = e.Diagnostic.Position;
            return Failed(path, new RuleHit(path, at.Line, at.Column, e.Diagnostic.Message));
        }
        if (tree is not ComposeMapping root) return Failed(path, new RuleHit(path, 1, 1, "the top level is not a mapping"));
        var services = new List<ComposeServiceDefinition>();
        switch (root.Get("services"))
        {
            case ComposeSequence list:
                return Failed(path, new RuleHit(path, list.Position.Line, list.Position.Column,
                    "services is a list, but compose requires a mapping of service names (`docker compose config` rejects this file)"));
            case ComposeMapping map:
                // services: { <<: *more } merges service definitions in; "<<" is not a service.
                foreach (var entry in map.MergedEntries())
                {
                    if (entry.Value is ComposeMapping node) services.Add(new ComposeServiceDefinition(path, entry.Key, entry.KeyPosition, node));
                }
                break;
        }
        return new ComposeAuditDocument(path, root, services, null);
    }

    private static ComposeAuditDocument Failed(string path, RuleHit error) => new(path, null, [], error);
}

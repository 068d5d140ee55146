using YamlDotNet.RepresentationModel;

namespace Muster.Agents.ConfigAudit;

/// <summary>One service definition in one compose file; <see cref="Name"/> is its key under <c>services:</c>.</summary>
internal sealed record ComposeService(string Path, string Name, YamlScalarNode Key, YamlMappingNode Node)
{
    public YamlNode? Get(string key) => Node.Get(key);

    public RuleHit Hit(YamlNode at, string message, string? evidence = null, string? discriminator = null) =>
        new(Path, at.Line(), at.Column(), message, evidence, discriminator ?? Name);

    public RuleHit HitAtService(string message) => new(Path, Key.Line(), Key.Column(), message, null, Name);
}

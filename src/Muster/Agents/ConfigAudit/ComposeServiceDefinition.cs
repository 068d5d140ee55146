using Muster.Formats.Compose;

namespace Muster.Agents.ConfigAudit;

/// <summary>One service as one compose file defines it (not merged); <see cref="Name"/> is its key under <c>services:</c>.</summary>
internal sealed record ComposeServiceDefinition(string Path, string Name, ComposePosition Key, ComposeMapping Node)
{
    public ComposeNode? Get(string key) => Node.Get(key);

    /// <summary>The <c>ports:</c> entries as written; entries with no port shape are skipped.</summary>
    public IEnumerable<ComposePort> Ports() =>
        Get("ports") is ComposeSequence seq ? seq.Items.Select(ComposePortParser.ReadAsWritten).OfType<ComposePort>() : [];

    public RuleHit Hit(ComposeNode at, string message, string? evidence = null, string? discriminator = null) =>
        Hit(at.Position, message, evidence, discriminator);

    public RuleHit Hit(ComposePosition at, string message, string? evidence = null, string? discriminator = null) =>
        new(Path, at.Line, at.Column, message, evidence, discriminator ?? Name);

    public RuleHit HitAtService(string message) => new(Path, Key.Line, Key.Column, message, null, Name);
}

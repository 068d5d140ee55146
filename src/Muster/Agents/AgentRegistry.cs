namespace Muster.Agents;

/// <summary>The agent kinds a plan may name.</summary>
public sealed class AgentRegistry
{
    private readonly Dictionary<string, AgentDescriptor> _byKind = new(StringComparer.Ordinal);

    public IEnumerable<AgentDescriptor> All => _byKind.Values.OrderBy(d => d.Kind, StringComparer.Ordinal);

    public IEnumerable<string> Kinds => _byKind.Keys.Order(StringComparer.Ordinal);

    public AgentRegistry Add(AgentDescriptor descriptor)
    {
        if (!_byKind.TryAdd(descriptor.Kind, descriptor))
        {
            throw new InvalidOperationException($"Agent kind '{descriptor.Kind}' is registered twice.");
        }
        return this;
    }

    public bool TryGet(string kind, out AgentDescriptor descriptor) => _byKind.TryGetValue(kind, out descriptor!);

    public AgentDescriptor Get(string kind) =>
        TryGet(kind, out var d) ? d : throw new KeyNotFoundException($"Unknown agent kind '{kind}'. Known kinds: {string.Join(", ", Kinds)}.");
}

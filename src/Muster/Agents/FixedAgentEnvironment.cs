namespace Muster.Agents;

/// <summary>An environment of exactly the given variables (tests, embedders): nothing of the process environment shows through.</summary>
public sealed class FixedAgentEnvironment(IReadOnlyDictionary<string, string> variables) : IAgentEnvironment
{
    public string? Get(string name) => variables.GetValueOrDefault(name);

    public IReadOnlyDictionary<string, string> Variables() => variables;
}

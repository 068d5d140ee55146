namespace Muster.Agents;

/// <summary>The environment variables an agent reads: the process environment in a run, a fixed set in a test.</summary>
public interface IAgentEnvironment
{
    /// <summary>The variable's value, or null when it is not set.</summary>
    string? Get(string name);

    /// <summary>Every variable that is set, by name.</summary>
    IReadOnlyDictionary<string, string> Variables();
}

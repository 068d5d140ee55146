namespace Muster.Agents;

/// <summary>A failure worth retrying (a probe refused, a server busy). Any other exception fails the agent at once.</summary>
public class TransientAgentException : Exception
{
    public TransientAgentException(string message) : base(message) { }

    public TransientAgentException(string message, Exception inner) : base(message, inner) { }
}

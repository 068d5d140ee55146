namespace Muster.Cluster.Coordinator;

/// <summary>The worker of an attempt died (or could not be reached) and no other worker matches the agent's placement.</summary>
public sealed class WorkerLostException(string message) : Exception(message);

/// <summary>No live worker offers what the agent's placement asks (<c>on:</c>, <c>root:</c>, its kind).</summary>
public sealed class NoMatchingWorkerException(string message) : Exception(message);

/// <summary>The agent failed on its worker; the message is the worker's (scrubbed there) description of the error.</summary>
public sealed class AgentFailedOnWorkerException(string message) : Exception(message);

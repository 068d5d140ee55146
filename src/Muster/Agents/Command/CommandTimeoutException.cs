namespace Muster.Agents.Command;

/// <summary>The command ran past its own <c>timeout</c> setting; its whole process tree was killed.</summary>
internal sealed class CommandTimeoutException(string message) : Exception(message);

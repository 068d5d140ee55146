namespace Muster.Workspace.Processes;

/// <summary>The program could not be started (missing, not executable, refused by the system); the message says why.</summary>
public sealed class ProcessStartException(string message, Exception? inner = null) : Exception(message, inner);

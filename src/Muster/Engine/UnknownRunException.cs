namespace Muster.Engine;

/// <summary>A run id the journal does not hold: an input error, the message says how to list the runs.</summary>
public sealed class UnknownRunException(string message) : Exception(message);

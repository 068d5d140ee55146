namespace Muster.Engine;

/// <summary>A resume needs a credential-like run parameter the journal deliberately did not keep: an input error.</summary>
public sealed class MissingRunParameterException(string message) : Exception(message);

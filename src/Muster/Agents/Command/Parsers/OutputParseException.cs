namespace Muster.Agents.Command.Parsers;

/// <summary>The output was not what the parser reads: never reported as "no findings".</summary>
internal sealed class OutputParseException(string message, Exception? inner = null) : Exception(message, inner);

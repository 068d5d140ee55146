namespace Muster.Agents.Command.Parsers;

/// <summary>Turns a tool's output into findings and metrics. Throws <see cref="OutputParseException"/> on output it cannot read.</summary>
internal interface IOutputParser
{
    ParsedOutput Parse(string output, ParserContext context);
}

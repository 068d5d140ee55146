namespace Muster.Agents.ConfigAudit;

/// <summary>A logical shell line (backslash continuations joined, comment removed) and where it starts.</summary>
internal sealed record ShellCommandLine(string Text, int Line, int Column);

namespace Muster.Agents.ConfigAudit;

/// <summary>A <c>${VAR}</c> / <c>$VAR</c> use in a compose file; <see cref="Required"/> when it has no default.</summary>
internal sealed record ComposeVariableReference(string ComposePath, string Name, int Line, int Column, bool Required);

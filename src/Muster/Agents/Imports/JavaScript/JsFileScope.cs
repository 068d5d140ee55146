namespace Muster.Agents.Imports.JavaScript;

/// <summary>One JS/TS file being verified: its path, folder, what kind of code it is, and its text (for install hints).</summary>
internal sealed record JsFileScope(string Path, string Directory, SourceContext Context, string Source);

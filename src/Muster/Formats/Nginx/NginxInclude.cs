namespace Muster.Formats.Nginx;

/// <summary>An <c>include</c> directive and the files it resolved to (empty: the glob matched nothing or was not followed).</summary>
public sealed record NginxInclude(NginxDirective Directive, IReadOnlyList<string> Files, bool Followed);

namespace Muster.Agents.Imports;

/// <summary>A dependency name a manifest declares. <see cref="Group"/>: prod, dev, optional or peer.</summary>
internal sealed record DeclaredDependency(string Name, string Manifest, int Line, string Group);

using Muster.Formats.Packages.Model;

namespace Muster.Formats.Packages.Parsers;

/// <summary>A dependency as package.json declares it: name, the spec as written, and which section it is in.</summary>
internal sealed record NpmDeclaredDependency(string Name, string Spec, DependencyScope Scope, int Line);

namespace Muster.Formats.Packages.Model;

/// <summary>The package ecosystems the dependency audit reads; names match OSV's ecosystem names.</summary>
internal enum Ecosystem
{
    Npm,
    PyPI,
    NuGet,
}

namespace Muster.Formats.Packages.Model;

/// <summary>Whether a package ships with the application. Unknown when the files read cannot tell.</summary>
internal enum DependencyScope
{
    Production,
    Development,
    Optional,
    Unknown,
}

namespace Muster.Agents.Imports.Python;

/// <summary>How an absolute import fared against local search roots.</summary>
internal enum LocalResult
{
    Missing,
    Found,
    PackageWithoutSubmodule,
    NamespaceOnly,
}

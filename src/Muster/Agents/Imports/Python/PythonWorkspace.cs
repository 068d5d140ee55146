using Muster.Agents.Imports.JavaScript;
using Muster.Workspace;

namespace Muster.Agents.Imports.Python;

/// <summary>
/// The Python projects of the audited tree (folders holding a manifest) and how they relate: uv workspace roots and
/// their members, path dependencies, and the importable packages each project provides from its own folder or its
/// <c>src/</c>. An import a sibling project provides is local code, not a missing module.
/// </summary>
internal sealed class PythonWorkspace
{
    private readonly Dictionary<string, PythonProjectInfo> _projects;
    private readonly PythonModuleLocator _locator;
    private readonly Dictionary<string, List<(PythonProjectInfo Project, string Root)>> _providers = new(StringComparer.Ordinal);

    public PythonWorkspace(Dictionary<string, PythonProjectInfo> projects, PythonModuleLocator locator)
    {
        _projects = projects;
        _locator = locator;
    }

    public IReadOnlyDictionary<string, PythonProjectInfo> Projects => _projects;

    public PythonProjectInfo? Project(string? directory) => directory is not null && _projects.TryGetValue(directory, out var p) ? p : null;

    /// <summary>The uv workspace root whose members include <paramref name="project"/>, or the project itself when it is a root.</summary>
    public PythonProjectInfo? WorkspaceRootOf(string project)
    {
        foreach (var candidate in PathProbe.SelfAndAncestors(project))
        {
            if (!_projects.TryGetValue(candidate, out var root) || !root.IsWorkspaceRoot) continue;
            if (candidate == project) return root;
            var prefix = candidate.Length == 0 ? "" : candidate + "/";
            var relative = project[prefix.Length..];
            if (WorkspaceGlob.IsMember(relative, root.WorkspaceMembers) && !WorkspaceGlob.IsMember(relative, root.WorkspaceExcludes)) return root;
        }
        return null;
    }

    /// <summary>Projects (other than <paramref name="except"/>) whose own folder or <c>src/</c> holds the top-level name of <paramref name="module"/>.</summary>
    public IReadOnlyList<(PythonProjectInfo Project, string Root)> Providers(string module, string? except)
    {
        var top = module.Split('.')[0];
        if (!_providers.TryGetValue(top, out var list))
        {
            list = [];
            foreach (var project in _projects.Values.OrderBy(p => p.Directory, StringComparer.Ordinal))
            {
                foreach (var root in new[] { PathProbe.Join(project.Directory, "src"), project.Directory })
                {
                    if (_locator.ModuleExists(root, top) && !IsTestFolder(top)) { list.Add((project, root)); break; }
                }
            }
            _providers[top] = list;
        }
        return list.Where(p => p.Project.Directory != except).ToList();
    }

    /// <summary>Folders named like test suites are on sys.path only for their own project's test run.</summary>
    private static bool IsTestFolder(string name) => name is "tests" or "test" or "testing";
}

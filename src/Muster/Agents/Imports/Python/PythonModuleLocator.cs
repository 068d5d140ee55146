using Muster.Workspace;
namespace Muster.Agents.Imports.Python;

/// <summary>Finds modules and packages under search roots the way the import system would, on the cached file listing.</summary>
internal sealed class PythonModuleLocator(PathProbe probe)
{
    public PathProbe Probe { get; } = probe;

    /// <summary>
    /// A regular package or module shadows everything later on sys.path, so a missing submodule of one is final. A
    /// folder without <c>__init__.py</c> is only a namespace portion: the interpreter keeps searching, so a later
    /// match (stdlib, an installed distribution) still wins. <paramref name="shadowing"/> is the root whose regular
    /// package lacks the submodule.
    /// </summary>
    public LocalResult Resolve(IEnumerable<string> roots, string module, out string? shadowing)
    {
        var parts = module.Split('.');
        shadowing = null;
        var namespaceTop = false;
        foreach (var root in roots)
        {
            if (!ModuleExists(root, parts[0])) continue;
            if (DottedExists(root, parts)) return LocalResult.Found;
            var top = PathProbe.Join(root, parts[0]);
            if (Probe.DirectoryExists(top) && !Probe.FileExists(PathProbe.Join(top, "__init__.py"))) namespaceTop = true;
            else shadowing ??= root;
        }
        return shadowing is not null ? LocalResult.PackageWithoutSubmodule : namespaceTop ? LocalResult.NamespaceOnly : LocalResult.Missing;
    }

    public bool DottedExists(string root, string[] parts)
    {
        var path = root;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            path = PathProbe.Join(path, parts[i]);
            if (!Probe.DirectoryExists(path)) return false;
        }
        return ModuleExists(path, parts[^1]);
    }

    /// <summary>A module file, a package or namespace-package folder, or a compiled extension named <paramref name="name"/>.</summary>
    public bool ModuleExists(string directory, string name)
    {
        var path = PathProbe.Join(directory, name);
        if (Probe.FileExists(path + ".py") || Probe.FileExists(path + ".pyi") || Probe.DirectoryExists(path)) return true;
        var prefix = name + ".";
        return Probe.FilesIn(directory).Any(f => f.StartsWith(prefix, StringComparison.Ordinal) &&
            (f.EndsWith(".so", StringComparison.Ordinal) || f.EndsWith(".pyd", StringComparison.Ordinal)));
    }

    /// <summary>
    /// The source file of the deepest existing module along <paramref name="module"/> under <paramref name="root"/>
    /// (<c>pkg/__init__.py</c> or <c>pkg/mod.py</c>), for checking whether it aliases submodules through sys.modules.
    /// </summary>
    public string? DeepestSource(string root, string module)
    {
        var parts = module.Split('.');
        string? found = null;
        var path = root;
        foreach (var part in parts)
        {
            path = PathProbe.Join(path, part);
            if (Probe.FileExists(path + ".py")) return path + ".py";
            if (!Probe.DirectoryExists(path)) break;
            if (Probe.FileExists(PathProbe.Join(path, "__init__.py"))) found = PathProbe.Join(path, "__init__.py");
        }
        return found;
    }

    public bool ResolvesRelative(string directory, PythonImport import, out string missing)
    {
        var baseDirectory = directory;
        for (var i = 1; i < import.Level; i++)
        {
            if (baseDirectory.Length == 0)
            {
                missing = import.Display;
                return false; // climbs above the audited root: beyond the top-level package
            }
            baseDirectory = PathProbe.DirectoryOf(baseDirectory);
        }
        missing = import.Display;
        if (import.Module.Length > 0) return DottedExists(baseDirectory, import.Module.Split('.'));
        if (Probe.FileExists(PathProbe.Join(baseDirectory, "__init__.py"))) return true; // names may be defined by the package itself
        foreach (var name in import.Names)
        {
            if (name == "*" || ModuleExists(baseDirectory, name)) continue;
            missing = new string('.', import.Level) + name;
            return false;
        }
        return true;
    }
}

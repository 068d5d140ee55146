using Muster.Formats.Limits;
using Muster.Formats.Python;
using Muster.Workspace;
using Tomlyn;
using Tomlyn.Model;

namespace Muster.Agents.Imports.Python;

/// <summary>
/// What import resolution needs from a project's metadata beyond its dependency names: the distribution name it
/// installs as, the members of a uv workspace it is the root of (<c>[tool.uv.workspace]</c> globs and excludes), folders
/// it depends on by path (Poetry <c>{path = ...}</c>, uv <c>[tool.uv.sources]</c> paths, requirements <c>-e ./x</c>),
/// and the folders pytest adds to <c>sys.path</c> (<c>pythonpath</c> in pyproject, pytest.ini, setup.cfg or tox.ini).
/// Folders are root-relative.
/// </summary>
internal sealed class PythonProjectInfo
{
    public string Directory { get; init; } = "";
    public string? Name { get; set; }
    public List<string> WorkspaceMembers { get; } = [];
    public List<string> WorkspaceExcludes { get; } = [];
    public List<string> PathDependencies { get; } = [];
    public List<string> PytestPythonPath { get; } = [];

    public bool IsWorkspaceRoot => WorkspaceMembers.Count > 0;

    /// <summary>Adds what <paramref name="fileName"/> (in this project's folder) says; unreadable or malformed files add nothing.</summary>
    public void Read(string fileName, string fullPath)
    {
        string text;
        try
        {
            if (fileName.StartsWith("requirements", StringComparison.OrdinalIgnoreCase) && fileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
            {
                ReadRequirementPaths(fullPath);
                return;
            }
            text = BoundedRead.Text(fullPath, InputLimits.ManifestMaxBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }
        switch (fileName)
        {
            case "pyproject.toml":
                ReadPyproject(text);
                break;
            case "setup.cfg":
                Name ??= IniValue(text, "metadata", "name");
                AddPythonPath(IniValue(text, "tool:pytest", "pythonpath"));
                break;
            case "pytest.ini":
                AddPythonPath(IniValue(text, "pytest", "pythonpath"));
                break;
            case "tox.ini":
                AddPythonPath(IniValue(text, "pytest", "pythonpath"));
                break;
            case "setup.py":
                Name ??= SetupPyName(text);
                break;
        }
    }

    private void ReadPyproject(string text)
    {
        TomlTable model;
        try
        {
            model = TomlSerializer.Deserialize<TomlTable>(text) ?? new TomlTable();
        }
        catch (TomlException)
        {
            return; // the declared-names reader reports the syntax error
        }
        if (Table(model, "project") is { } project && project.TryGetValue("name", out var n) && n is string name) Name = name;
        var tool = Table(model, "tool");
        if (tool is null) return;
        if (Table(tool, "poetry") is { } poetry)
        {
            if (Name is null && poetry.TryGetValue("name", out var pn) && pn is string poetryName) Name = poetryName;
            AddPathTables(Table(poetry, "dependencies"));
            AddPathTables(Table(poetry, "dev-dependencies"));
            if (Table(poetry, "group") is { } groups)
            {
                foreach (var (_, group) in groups) if (group is TomlTable g) AddPathTables(Table(g, "dependencies"));
            }
        }
        if (Table(tool, "uv") is { } uv)
        {
            if (Table(uv, "workspace") is { } workspace)
            {
                WorkspaceMembers.AddRange(Strings(workspace, "members"));
                WorkspaceExcludes.AddRange(Strings(workspace, "exclude"));
            }
            AddPathTables(Table(uv, "sources"));
        }
        if (Table(tool, "pytest") is { } pytest && Table(pytest, "ini_options") is { } options && options.TryGetValue("pythonpath", out var path))
        {
            if (path is string single) AddPythonPath(single);
            else if (path is TomlArray list) foreach (var item in list.OfType<string>()) AddPythonPath(item);
        }
    }

    private void AddPathTables(TomlTable? dependencies)
    {
        if (dependencies is null) return;
        foreach (var (_, value) in dependencies)
        {
            if (value is TomlTable spec && spec.TryGetValue("path", out var p) && p is string path) AddFolder(PathDependencies, path);
        }
    }

    /// <summary>Line by line: a requirements file of a million lines is never a million strings at once.</summary>
    private void ReadRequirementPaths(string fullPath)
    {
        BoundedRead.Check(fullPath, InputLimits.ManifestMaxBytes);
        foreach (var raw in File.ReadLines(fullPath))
        {
            var line = raw.Trim();
            if (line.StartsWith("-e ", StringComparison.Ordinal) || line.StartsWith("--editable ", StringComparison.Ordinal)) line = line[(line.IndexOf(' ') + 1)..].Trim();
            var path = line.Split('#')[0].Split('[')[0].Trim();
            if (path.StartsWith("./", StringComparison.Ordinal) || path.StartsWith("../", StringComparison.Ordinal) || path == ".") AddFolder(PathDependencies, path);
        }
    }

    private void AddPythonPath(string? value)
    {
        if (value is null) return;
        foreach (var item in value.Split((char[])[' ', '\n', '\r', '\t', ','], StringSplitOptions.RemoveEmptyEntries)) AddFolder(PytestPythonPath, item);
    }

    private void AddFolder(List<string> list, string path)
    {
        if (PathProbe.Normalize(PathProbe.Join(Directory, path.Replace('\\', '/'))) is { } folder) list.Add(folder);
    }

    private static TomlTable? Table(TomlTable table, string key) => table.TryGetValue(key, out var v) ? v as TomlTable : null;

    private static IEnumerable<string> Strings(TomlTable table, string key) =>
        table.TryGetValue(key, out var v) && v is TomlArray array ? array.OfType<string>() : [];

    /// <summary>The value of <paramref name="key"/> in <paramref name="section"/> of an INI file, continuation lines joined.</summary>
    private static string? IniValue(string text, string section, string key)
    {
        string? current = null;
        string? value = null;
        var collecting = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var trimmed = line.Trim();
            if (trimmed.StartsWith('[') && trimmed.EndsWith(']')) { current = trimmed[1..^1].Trim(); collecting = false; continue; }
            if (collecting && line.Length > 0 && char.IsWhiteSpace(line[0]) && trimmed.Length > 0) { value += " " + trimmed; continue; }
            collecting = false;
            if (current != section) continue;
            var eq = trimmed.IndexOfAny(['=', ':']);
            if (eq > 0 && trimmed[..eq].Trim() == key)
            {
                value = trimmed[(eq + 1)..].Trim();
                collecting = true;
            }
        }
        return value;
    }

    private static string? SetupPyName(string text)
    {
        var tokens = PythonTokenizer.Tokenize(text).SelectMany(l => l.Tokens).ToList();
        for (var i = 0; i + 2 < tokens.Count; i++)
        {
            if (tokens[i].Is("name") && tokens[i + 1].Is("=") && tokens[i + 2].Kind == PythonTokenKind.String) return PythonTokenizer.StringValue(tokens[i + 2].Text);
        }
        return null;
    }
}

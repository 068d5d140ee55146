using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Muster.Formats.Limits;
using Muster.Formats.Python;
using Muster.Workspace;
using Tomlyn;
using Tomlyn.Model;

namespace Muster.Agents.Imports;

/// <summary>
/// Reads only the NAMES of declared dependencies (no versions) from Python and npm manifests. Deliberately minimal:
/// the dependency-audit agent owns the full parsers; this exists so import verification stands alone.
/// </summary>
internal static partial class DeclaredDependencies
{
    public static bool IsPythonManifest(string fileName) =>
        fileName is "pyproject.toml" or "setup.cfg" or "setup.py" or "Pipfile" ||
        (fileName.StartsWith("requirements", StringComparison.OrdinalIgnoreCase) && fileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Reads one Python manifest. <paramref name="relativePath"/> is what findings show; included requirements files
    /// are read only when they resolve inside <paramref name="root"/>. At most <paramref name="maxEntries"/> names are
    /// kept (over all included files); the rest are counted in <see cref="DeclaredManifest.Skipped"/>.
    /// </summary>
    public static DeclaredManifest ReadPython(string root, string fullPath, string relativePath, int maxEntries = InputLimits.ManifestMaxEntries)
    {
        var name = Path.GetFileName(fullPath);
        var entries = new DeclaredEntries(maxEntries);
        try
        {
            if (name is not ("pyproject.toml" or "Pipfile" or "setup.cfg" or "setup.py")) return FromRequirementsFile(root, fullPath, relativePath, entries);
            var text = BoundedRead.Text(fullPath, InputLimits.ManifestMaxBytes);
            switch (name)
            {
                case "pyproject.toml": FromPyproject(text, relativePath, entries); break;
                case "Pipfile": FromPipfile(text, relativePath, entries); break;
                case "setup.cfg": FromSetupCfg(text, relativePath, entries); break;
                default: FromSetupPy(text, relativePath, entries); break;
            }
            return new DeclaredManifest(relativePath, entries);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or TomlException or InvalidDataException)
        {
            return DeclaredManifest.Failed(relativePath, e.Message);
        }
    }

    public static DeclaredManifest ReadPackageJson(string fullPath, string relativePath, int maxEntries = InputLimits.ManifestMaxEntries)
    {
        try
        {
            var text = BoundedRead.Text(fullPath, InputLimits.ManifestMaxBytes);
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var entries = new DeclaredEntries(maxEntries);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return DeclaredManifest.Failed(relativePath, "package.json is not a JSON object");
            foreach (var (section, group) in new[] { ("dependencies", "prod"), ("devDependencies", "dev"), ("peerDependencies", "peer"), ("optionalDependencies", "optional") })
            {
                if (!doc.RootElement.TryGetProperty(section, out var deps) || deps.ValueKind != JsonValueKind.Object) continue;
                foreach (var dep in deps.EnumerateObject())
                {
                    if (entries.Full) entries.Skip(relativePath, 0); // no line search past the budget: each one scans the text
                    else entries.Add(new DeclaredDependency(dep.Name, relativePath, LineOf(text, "\"" + dep.Name + "\""), group));
                }
            }
            return new DeclaredManifest(relativePath, entries);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return DeclaredManifest.Failed(relativePath, e.Message);
        }
    }

    /// <summary>The distribution name at the start of a PEP 508 requirement, or null.</summary>
    public static string? RequirementName(string requirement)
    {
        var match = RequirementNameRegex().Match(requirement.Trim());
        return match.Success ? match.Value : null;
    }

    private static DeclaredManifest FromRequirementsFile(string root, string fullPath, string relativePath, DeclaredEntries entries)
    {
        var outside = new List<OutsideReference>();
        FromRequirements(root, fullPath, relativePath, [], outside, entries);
        return new DeclaredManifest(relativePath, entries) { Outside = outside };
    }

    /// <summary>Lines are read one at a time, so a file of a million lines is never a million strings at once.</summary>
    private static void FromRequirements(string root, string fullPath, string relativePath, HashSet<string> visited,
        List<OutsideReference> outside, DeclaredEntries entries)
    {
        if (!visited.Add(Path.GetFullPath(fullPath))) return;
        var folder = Path.GetDirectoryName(fullPath)!;
        BoundedRead.Check(fullPath, InputLimits.ManifestMaxBytes);
        using var reader = File.OpenText(fullPath);
        var physical = 0;
        while (LogicalLine(reader, ref physical) is var (lineNumber, logical))
        {
            var line = logical;
            var hash = line.IndexOf(" #", StringComparison.Ordinal);
            if (line.TrimStart().StartsWith('#')) continue;
            if (hash >= 0) line = line[..hash];
            line = line.Trim();
            if (line.Length == 0) continue;
            if (FileOption(line) is { } fileOption)
            {
                var reference = WorkspaceReference.Resolve(root, folder, fileOption.Argument);
                if (reference.Outside)
                {
                    outside.Add(new OutsideReference(relativePath, lineNumber, fileOption.Option, reference));
                    continue;
                }
                // Constraints declare no names; only an included requirements file is read, and only inside the root.
                if (fileOption.Option == "-r" && File.Exists(reference.FullPath)) Include(root, reference, visited, outside, entries);
                continue;
            }
            if (line.StartsWith("-e ", StringComparison.Ordinal) || line.StartsWith("--editable", StringComparison.Ordinal))
            {
                var argument = OptionArgument(line);
                if (IsLocalPath(argument) && WorkspaceReference.Resolve(root, folder, StripEgg(argument)) is { Outside: true } editable)
                {
                    outside.Add(new OutsideReference(relativePath, lineNumber, "-e", editable));
                }
                var egg = line.IndexOf("#egg=", StringComparison.Ordinal);
                if (egg >= 0 && RequirementName(line[(egg + 5)..]) is { } eggName) entries.Add(new DeclaredDependency(eggName, relativePath, lineNumber, "prod"));
                continue;
            }
            if (line.StartsWith('-')) continue; // --index-url and other options declare nothing
            if (entries.Full) entries.Skip(relativePath, lineNumber); // counted, not parsed
            else if (DirectReferenceName(line) is { } name) entries.Add(new DeclaredDependency(name, relativePath, lineNumber, "prod"));
        }
    }

    private static void Include(string root, WorkspaceReference reference, HashSet<string> visited, List<OutsideReference> outside, DeclaredEntries entries)
    {
        try
        {
            FromRequirements(root, reference.FullPath!, reference.RelativePath!, visited, outside, entries);
        }
        catch (IOException e)
        {
            throw new IOException($"{reference.RelativePath}: {e.Message}", e); // names the include, not only the file that has it
        }
    }

    /// <summary>
    /// The next line with its backslash continuations joined, numbered by its first physical line; null at the end.
    /// Joined in a builder: a file of continuations is one long line, never a quadratic series of copies.
    /// </summary>
    private static (int Number, string Text)? LogicalLine(TextReader reader, ref int physical)
    {
        if (reader.ReadLine() is not { } first) return null;
        var number = ++physical;
        if (!first.EndsWith('\\')) return (number, first);
        var joined = new StringBuilder(first);
        while (joined.Length > 0 && joined[^1] == '\\' && reader.ReadLine() is { } next)
        {
            physical++;
            joined.Length--;
            joined.Append(' ').Append(next);
        }
        return (number, joined.ToString());
    }

    /// <summary>"-r x", "--requirement=x", "-c x", "--constraint x" as (short option, file argument); null for other lines.</summary>
    private static (string Option, string Argument)? FileOption(string line)
    {
        foreach (var (prefix, option) in new[] { ("--requirement", "-r"), ("--constraint", "-c"), ("-r", "-r"), ("-c", "-c") })
        {
            if (!line.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var rest = line[prefix.Length..];
            if (rest.Length > 0 && rest[0] is not (' ' or '\t' or '=') && prefix.StartsWith("--", StringComparison.Ordinal)) return null;
            var argument = rest.TrimStart('=', ' ', '\t').Trim();
            return argument.Length == 0 ? null : (option, argument);
        }
        return null;
    }

    private static string OptionArgument(string line)
    {
        var split = line.IndexOfAny([' ', '\t', '=']);
        return split < 0 ? "" : line[(split + 1)..].Trim();
    }

    private static bool IsLocalPath(string argument) =>
        argument.Length > 0 && !argument.Contains("://", StringComparison.Ordinal) && !argument.StartsWith("git+", StringComparison.Ordinal)
        && (argument.StartsWith('.') || argument.StartsWith('/') || argument.StartsWith('~') || argument.Contains('/') || argument.Contains('\\'));

    private static string StripEgg(string argument)
    {
        var hash = argument.IndexOf('#', StringComparison.Ordinal);
        var path = hash >= 0 ? argument[..hash] : argument;
        return path.StartsWith("file:", StringComparison.Ordinal) ? path[5..] : path;
    }

    /// <summary>
    /// "name[extra]>=1; marker" and "name @ https://..." give a name; a bare URL or path names a distribution only
    /// through "#egg=name", otherwise it declares nothing Muster can match.
    /// </summary>
    private static string? DirectReferenceName(string line)
    {
        var at = line.IndexOf(" @ ", StringComparison.Ordinal);
        if (at > 0) return RequirementName(line[..at]);
        if (line.Contains("://", StringComparison.Ordinal) || line.Contains('/') || line.Contains('\\') || line.EndsWith(".whl", StringComparison.OrdinalIgnoreCase))
        {
            var egg = line.IndexOf("#egg=", StringComparison.Ordinal);
            return egg >= 0 ? RequirementName(line[(egg + 5)..]) : null;
        }
        return RequirementName(line);
    }

    private static void FromPyproject(string text, string relativePath, DeclaredEntries list)
    {
        var model = TomlSerializer.Deserialize<TomlTable>(text) ?? new TomlTable();
        if (Table(model, "project") is { } project)
        {
            AddRequirements(list, Array(project, "dependencies"), "prod", text, relativePath);
            if (Table(project, "optional-dependencies") is { } optional)
            {
                foreach (var (_, value) in optional) AddRequirements(list, value as TomlArray, "optional", text, relativePath);
            }
            var hooked = false;
            // Hatch metadata hooks (uv-dynamic-versioning and the like) supply dynamic dependencies from their own table.
            if (Table(model, "tool") is { } hatchTool && Table(hatchTool, "hatch") is { } hatch && Table(hatch, "metadata") is { } metadata && Table(metadata, "hooks") is { } hooks)
            {
                foreach (var (_, hook) in hooks)
                {
                    if (hook is not TomlTable h) continue;
                    hooked |= h.ContainsKey("dependencies");
                    AddRequirements(list, Array(h, "dependencies"), "prod", text, relativePath);
                    if (Table(h, "optional-dependencies") is { } hookOptional)
                    {
                        foreach (var (_, value) in hookOptional) AddRequirements(list, value as TomlArray, "optional", text, relativePath);
                    }
                }
            }
            if (!hooked && Array(project, "dynamic") is { } dynamic && dynamic.OfType<string>().Contains("dependencies"))
            {
                throw new InvalidDataException("[project] dependencies are dynamic (computed by the build backend)");
            }
        }
        if (Table(model, "dependency-groups") is { } groups)
        {
            foreach (var (_, value) in groups) AddRequirements(list, value as TomlArray, "dev", text, relativePath);
        }
        if (Table(model, "tool") is { } tool)
        {
            if (Table(tool, "poetry") is { } poetry)
            {
                AddKeys(list, Table(poetry, "dependencies"), "prod", text, relativePath);
                AddKeys(list, Table(poetry, "dev-dependencies"), "dev", text, relativePath);
                if (Table(poetry, "group") is { } poetryGroups)
                {
                    foreach (var (_, value) in poetryGroups)
                    {
                        if (value is TomlTable g) AddKeys(list, Table(g, "dependencies"), "dev", text, relativePath);
                    }
                }
            }
            if (Table(tool, "uv") is { } uv) AddRequirements(list, Array(uv, "dev-dependencies"), "dev", text, relativePath);
        }
    }

    private static void FromPipfile(string text, string relativePath, DeclaredEntries list)
    {
        var model = TomlSerializer.Deserialize<TomlTable>(text) ?? new TomlTable();
        AddKeys(list, Table(model, "packages"), "prod", text, relativePath);
        AddKeys(list, Table(model, "dev-packages"), "dev", text, relativePath);
    }

    private static void FromSetupCfg(string text, string relativePath, DeclaredEntries list)
    {
        var lines = text.Split('\n');
        string section = "";
        string? key = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var raw = lines[i].TrimEnd('\r');
            var trimmed = raw.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#') || trimmed.StartsWith(';')) continue;
            if (trimmed.StartsWith('[') && trimmed.EndsWith(']')) { section = trimmed[1..^1].Trim(); key = null; continue; }
            var continuation = char.IsWhiteSpace(raw[0]);
            string value;
            if (!continuation)
            {
                var eq = trimmed.IndexOfAny(['=', ':']);
                if (eq < 0) { key = null; continue; }
                key = trimmed[..eq].Trim();
                value = trimmed[(eq + 1)..].Trim();
            }
            else value = trimmed;
            var group = section == "options" && key is "install_requires" ? "prod"
                : section == "options" && key is "tests_require" or "setup_requires" ? "dev"
                : section == "options.extras_require" && key is not null ? "optional"
                : null;
            if (group is null || value.Length == 0) continue;
            foreach (var item in value.Split(';')[0].Split(','))
            {
                if (RequirementName(item) is { } name) list.Add(new DeclaredDependency(name, relativePath, i + 1, group));
            }
        }
    }

    /// <summary>
    /// setup.py is code; only a literal <c>install_requires=[...]</c> list of strings is read. Anything else leaves the
    /// manifest marked unreadable, so absence from it is never taken as "undeclared".
    /// </summary>
    private static void FromSetupPy(string text, string relativePath, DeclaredEntries list)
    {
        var lines = PythonTokenizer.Tokenize(text);
        var tokens = lines.SelectMany(l => l.Tokens).ToList();
        var found = false;
        for (var i = 0; i + 2 < tokens.Count; i++)
        {
            if (!(tokens[i].Is("install_requires") && tokens[i + 1].Is("=") && tokens[i + 2].Is("["))) continue;
            found = true;
            for (var j = i + 3; j < tokens.Count && !tokens[j].Is("]"); j++)
            {
                if (tokens[j].Kind == PythonTokenKind.String && RequirementName(PythonTokenizer.StringValue(tokens[j].Text)) is { } name)
                {
                    list.Add(new DeclaredDependency(name, relativePath, tokens[j].Line, "prod"));
                }
                else if (tokens[j].Kind == PythonTokenKind.Name) throw new InvalidDataException("install_requires is not a literal list");
            }
        }
        if (!found && text.Contains("install_requires", StringComparison.Ordinal)) throw new InvalidDataException("install_requires is computed, not a literal list");
    }

    private static void AddRequirements(DeclaredEntries list, TomlArray? items, string group, string text, string relativePath)
    {
        if (items is null) return;
        foreach (var item in items)
        {
            if (list.Full) list.Skip(relativePath, 0); // no line search past the budget: each one scans the text
            else if (item is string requirement && RequirementName(requirement) is { } name)
            {
                list.Add(new DeclaredDependency(name, relativePath, LineOf(text, requirement), group));
            }
        }
    }

    private static void AddKeys(DeclaredEntries list, TomlTable? table, string group, string text, string relativePath)
    {
        if (table is null) return;
        foreach (var (name, _) in table)
        {
            if (name.Equals("python", StringComparison.OrdinalIgnoreCase)) continue;
            if (list.Full) list.Skip(relativePath, 0);
            else list.Add(new DeclaredDependency(name, relativePath, LineOf(text, name), group));
        }
    }

    private static TomlTable? Table(TomlTable table, string key) => table.TryGetValue(key, out var v) ? v as TomlTable : null;

    private static TomlArray? Array(TomlTable table, string key) => table.TryGetValue(key, out var v) ? v as TomlArray : null;

    /// <summary>1-based line of the first occurrence of <paramref name="needle"/>; 0 when absent.</summary>
    private static int LineOf(string text, string needle)
    {
        var index = text.IndexOf(needle, StringComparison.Ordinal);
        if (index < 0) return 0;
        var line = 1;
        for (var k = 0; k < index; k++) if (text[k] == '\n') line++;
        return line;
    }

    [GeneratedRegex(@"^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?")]
    private static partial Regex RequirementNameRegex();
}

namespace Muster.Formats.Nginx;

/// <summary>
/// A parsed nginx configuration: the directive tree (included files inline, right after their <c>include</c>),
/// every file that was read, and the syntax/include errors. Never throws for bad input.
/// </summary>
public sealed class NginxConfig
{
    private const int MaxIncludeDepth = 16;

    private NginxConfig(string path, IReadOnlyList<NginxDirective> directives, IReadOnlyList<NginxParseError> errors,
        IReadOnlyList<string> files, IReadOnlyList<NginxInclude> includes)
    {
        Path = path;
        Directives = directives;
        Errors = errors;
        Files = files;
        Includes = includes;
    }

    /// <summary>The main file's path as given (root-relative when loaded with a root).</summary>
    public string Path { get; }

    public IReadOnlyList<NginxDirective> Directives { get; }
    public IReadOnlyList<NginxParseError> Errors { get; }

    /// <summary>Every file read, the main one first.</summary>
    public IReadOnlyList<string> Files { get; }

    public IReadOnlyList<NginxInclude> Includes { get; }

    /// <summary>Every directive in the configuration, depth first in file order.</summary>
    public IEnumerable<NginxDirective> AllDirectives() => Walk(Directives);

    /// <summary>Every directive with the given name, at any depth.</summary>
    public IEnumerable<NginxDirective> FindAll(string name) => AllDirectives().Where(d => d.Name == name);

    /// <summary>Parses one file's text; <c>include</c> directives are kept but not followed.</summary>
    public static NginxConfig Parse(string text, string path)
    {
        var errors = new List<NginxParseError>();
        var directives = new NginxParser(text, path, errors, onInclude: null).Parse();
        return new NginxConfig(path, directives, errors, [path], []);
    }

    /// <summary>
    /// Reads a file and follows its <c>include</c> globs as nginx does: a relative pattern is resolved against the
    /// prefix (the main file's folder, or <paramref name="prefix"/> like <c>nginx -p</c>), whichever file includes
    /// it, and wildcards follow glob(3) (sorted, <c>*</c> never matches a leading dot). With <paramref name="root"/>,
    /// directive paths are root-relative ('/' separators) and includes that resolve outside the root are recorded
    /// as not followed (and as an error), never read.
    /// </summary>
    public static NginxConfig Load(string path, string? root = null, string? prefix = null)
    {
        var fullRoot = root is null ? null : System.IO.Path.GetFullPath(root);
        var fullPath = System.IO.Path.GetFullPath(path);
        var fullPrefix = System.IO.Path.GetFullPath(prefix ?? System.IO.Path.GetDirectoryName(fullPath)!);
        var loader = new Loader(fullRoot, fullPrefix);
        var directives = loader.LoadFile(fullPath, depth: 0) ?? [];
        return new NginxConfig(loader.Display(fullPath), directives, loader.Errors, loader.Files, loader.Includes);
    }

    internal static IEnumerable<NginxDirective> Walk(IReadOnlyList<NginxDirective> directives)
    {
        var stack = new Stack<NginxDirective>();
        for (var i = directives.Count - 1; i >= 0; i--) stack.Push(directives[i]);
        while (stack.Count > 0)
        {
            var d = stack.Pop();
            yield return d;
            for (var i = d.Children.Count - 1; i >= 0; i--) stack.Push(d.Children[i]);
        }
    }

    private sealed class Loader(string? root, string prefix)
    {
        private readonly HashSet<string> _loading = new(StringComparer.Ordinal);
        public List<NginxParseError> Errors { get; } = [];
        public List<string> Files { get; } = [];
        public List<NginxInclude> Includes { get; } = [];

        public string Display(string fullPath) =>
            root is null ? fullPath : System.IO.Path.GetRelativePath(root, fullPath).Replace('\\', '/');

        public List<NginxDirective>? LoadFile(string fullPath, int depth)
        {
            var display = Display(fullPath);
            string text;
            try
            {
                text = File.ReadAllText(fullPath);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Errors.Add(new NginxParseError(display, 0, 0, $"cannot read: {e.Message}"));
                return null;
            }
            Files.Add(display);
            _loading.Add(fullPath);
            try
            {
                return new NginxParser(text, display, Errors, include => Resolve(include, depth)).Parse();
            }
            finally
            {
                _loading.Remove(fullPath);
            }
        }

        private List<NginxDirective> Resolve(NginxDirective include, int depth)
        {
            var result = new List<NginxDirective>();
            if (include.Args.Count != 1)
            {
                return NotFollowed(include, "include takes exactly one argument");
            }
            var pattern = include.Args[0];
            if (pattern.Contains('$'))
            {
                return NotFollowed(include, $"include \"{pattern}\" uses a variable and cannot be resolved statically");
            }
            var full = System.IO.Path.GetFullPath(System.IO.Path.IsPathRooted(pattern) ? pattern : System.IO.Path.Combine(prefix, pattern));
            if (root is not null && !Inside(full))
            {
                return NotFollowed(include, $"include \"{pattern}\" points outside the audited root; not followed");
            }
            var files = NginxGlob.Match(full);
            if (files.Count == 0 && !HasWildcard(pattern))
            {
                Fail(include, $"included file \"{pattern}\" does not exist");
            }
            var followed = new List<string>();
            foreach (var file in files)
            {
                if (_loading.Contains(file))
                {
                    Fail(include, $"include cycle: \"{Display(file)}\" includes itself");
                    continue;
                }
                if (root is not null && new FileInfo(file).ResolveLinkTarget(returnFinalTarget: true) is { } target && !Inside(target.FullName))
                {
                    Fail(include, $"\"{Display(file)}\" links outside the audited root; not followed");
                    continue;
                }
                if (depth + 1 > MaxIncludeDepth)
                {
                    Fail(include, $"includes nested deeper than {MaxIncludeDepth}; \"{Display(file)}\" not followed");
                    continue;
                }
                if (LoadFile(file, depth + 1) is { } loaded)
                {
                    followed.Add(Display(file));
                    result.AddRange(loaded);
                }
            }
            Includes.Add(new NginxInclude(include, followed, Followed: followed.Count == files.Count && files.Count > 0));
            return result;
        }

        private void Fail(NginxDirective include, string message)
        {
            Errors.Add(new NginxParseError(include.File, include.Line, include.Column, message));
        }

        private List<NginxDirective> NotFollowed(NginxDirective include, string message)
        {
            Fail(include, message);
            Includes.Add(new NginxInclude(include, [], Followed: false));
            return [];
        }

        private bool Inside(string full)
        {
            var relative = System.IO.Path.GetRelativePath(root!, full);
            return relative != ".." && !relative.StartsWith(".." + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal)
                   && !System.IO.Path.IsPathRooted(relative);
        }

        private static bool HasWildcard(string pattern) => NginxGlob.HasWildcard(pattern);
    }
}

using System.Text;
using System.Text.RegularExpressions;

namespace Muster.Tests.Security;

/// <summary>
/// The calls of an <c>strace -f -y -v -s N -e trace=execve,open,openat,openat2,creat</c> log: each exec (program,
/// arguments, environment) and each open (the path resolved against the directory strace's <c>-y</c> names), as
/// attempted, whether or not it succeeded.
/// </summary>
internal sealed partial class StraceLog
{
    public sealed record Exec(int Pid, string Program, IReadOnlyList<string> Arguments, IReadOnlyList<string> Environment);

    public sealed record Open(int Pid, string Path, string Line);

    public List<Exec> Execs { get; } = [];
    public List<Open> Opens { get; } = [];

    public static StraceLog Parse(string path)
    {
        var log = new StraceLog();
        foreach (var line in File.ReadLines(path))
        {
            var call = Call().Match(line);
            if (!call.Success) continue;
            var pid = int.Parse(call.Groups["pid"].Value, System.Globalization.CultureInfo.InvariantCulture);
            var rest = call.Groups["rest"].Value;
            switch (call.Groups["name"].Value)
            {
                case "execve":
                    var arrays = ArrayArgument().Matches(rest).Select(m => Strings(m.Value)).ToList();
                    log.Execs.Add(new Exec(pid, Strings(rest)[0], arrays.ElementAtOrDefault(0) ?? [], arrays.ElementAtOrDefault(1) ?? []));
                    break;
                case "openat" or "openat2":
                    var directory = DirectoryFd().Match(rest);
                    var relative = Strings(rest[(directory.Success ? directory.Length : 0)..]).FirstOrDefault();
                    if (relative is null) continue;
                    var baseDir = directory.Success ? Unescape(directory.Groups["dir"].Value) : "/";
                    log.Opens.Add(new Open(pid, System.IO.Path.GetFullPath(relative, baseDir), line));
                    break;
                default:
                    if (Strings(rest).FirstOrDefault() is { } p) log.Opens.Add(new Open(pid, p, line));
                    break;
            }
        }
        return log;
    }

    private static List<string> Strings(string text) => QuotedString().Matches(text).Select(m => Unescape(m.Groups[1].Value)).ToList();

    /// <summary>strace prints C escapes: \\, \", \n, \t, \xNN and octal \NNN; bytes are decoded as UTF-8.</summary>
    private static string Unescape(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 == text.Length) { bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString())); continue; }
            var c = text[++i];
            if (c == 'x') { bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16)); i += 2; }
            else if (c is >= '0' and <= '7')
            {
                var end = i;
                while (end < text.Length && end < i + 3 && text[end] is >= '0' and <= '7') end++;
                bytes.Add(Convert.ToByte(text[i..end], 8));
                i = end - 1;
            }
            else bytes.Add((byte)(c switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'v' => '\v', 'f' => '\f', _ => c }));
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    [GeneratedRegex(@"^(?<pid>\d+)\s+(?<name>execve|open|openat|openat2|creat)\((?<rest>.*)$")]
    private static partial Regex Call();

    [GeneratedRegex(@"^(?:AT_FDCWD|\d+)<(?<dir>(?:[^>\\]|\\.)*)>,\s*")]
    private static partial Regex DirectoryFd();

    [GeneratedRegex(@"""((?:[^""\\]|\\.)*)""")]
    private static partial Regex QuotedString();

    [GeneratedRegex(@"\[(?:""(?:[^""\\]|\\.)*""(?:,\s*)?)*\]")]
    private static partial Regex ArrayArgument();
}

using System.Text;

namespace Muster.Tests.Formats.Yaml;

/// <summary>YAML texts built to crash, exhaust or hang a naive reader; generated at run time, never committed.</summary>
internal static class HostileYaml
{
    /// <summary><c>[[[[…]]]]</c>: overflows the stack of a recursive loader at a few thousand levels.</summary>
    public static string FlowNesting(int depth) => new string('[', depth) + new string(']', depth) + "\n";

    /// <summary>A block mapping nested <paramref name="depth"/> levels by indentation alone.</summary>
    public static string BlockNesting(int depth)
    {
        var text = new StringBuilder();
        for (var i = 0; i < depth; i++) text.Append(' ', i).Append("k:\n");
        return text.Append(' ', depth).Append("leaf\n").ToString();
    }

    /// <summary>
    /// The "billion laughs" of YAML: each level is a list of ten aliases of the previous one, so the last anchor
    /// expands to 10^levels scalars from about 100 bytes per level. <paramref name="prefix"/> keys the anchors in a
    /// mapping (<c>x-</c> extension keys in compose); <paramref name="tail"/> follows them.
    /// </summary>
    public static string AliasBomb(int levels, string prefix = "x-l", string tail = "")
    {
        var text = new StringBuilder($"{prefix}0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < levels; i++)
        {
            text.Append($"{prefix}{i}: &a{i} [").Append(string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))).Append("]\n");
        }
        return text.Append(tail).ToString();
    }
}

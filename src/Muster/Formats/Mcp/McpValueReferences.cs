using System.Text.RegularExpressions;

namespace Muster.Formats.Mcp;

/// <summary>
/// Values in MCP configurations that point at a secret instead of holding it: <c>${VAR}</c>, <c>${env:VAR}</c>,
/// <c>${input:id}</c> (VS Code) and <c>$VAR</c>.
/// </summary>
public static partial class McpValueReferences
{
    public static bool IsReference(string value) => Reference().IsMatch(value);

    /// <summary>The environment variables a value refers to (<c>${VAR}</c>, <c>${env:VAR}</c>, <c>$VAR</c>); inputs are not variables.</summary>
    public static IEnumerable<string> EnvironmentVariables(string value) =>
        Reference().Matches(value).Select(m => m.Groups["var"].Value).Where(v => v.Length > 0);

    [GeneratedRegex(@"\$\{(?:env:)?(?<var>[A-Za-z_][A-Za-z0-9_]*)\}|\$\{input:[^}]+\}|\$(?<var>[A-Z_][A-Z0-9_]*)")]
    private static partial Regex Reference();
}

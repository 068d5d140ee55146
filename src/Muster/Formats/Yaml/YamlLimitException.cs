using YamlDotNet.Core;

namespace Muster.Formats.Yaml;

/// <summary>A YAML input went over one of <see cref="Limits.InputLimits"/>' budgets; the file is not audited.</summary>
public sealed class YamlLimitException(Mark start, string message) : YamlException(start, start, message)
{
    /// <summary>The reason without YamlDotNet's position prefix ("YAML alias expansion exceeds ... ; not audited").</summary>
    public string Reason { get; } = message;
}

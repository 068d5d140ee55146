using Muster.Model;

namespace Muster.Cli.Terminal;

/// <summary>What the terminal shows after a run: which findings, how many lines, in colour or not.</summary>
internal sealed record TerminalSettings
{
    public const int DefaultLimit = 20;
    public const Severity DefaultMinSeverity = Severity.Medium;

    public Severity MinSeverity { get; init; } = DefaultMinSeverity;
    public int Limit { get; init; } = DefaultLimit;

    /// <summary>Gates only: no progress, no findings list, no drift table.</summary>
    public bool Quiet { get; init; }
    public bool Colour { get; init; }

    /// <summary>Colour only on a terminal, and never when NO_COLOR is set to anything (https://no-color.org) or TERM is dumb.</summary>
    public static bool ColourFor(TextWriter error) =>
        ColourFor(ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected,
            Environment.GetEnvironmentVariable("NO_COLOR"), Environment.GetEnvironmentVariable("TERM"));

    public static bool ColourFor(bool terminal, string? noColor, string? term) =>
        terminal && string.IsNullOrEmpty(noColor) && term is not "dumb";
}

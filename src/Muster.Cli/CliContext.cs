using Microsoft.Extensions.Logging;
using Muster.Agents;
using Muster.Composition;
using Spectre.Console;

namespace Muster.Cli;

/// <summary>What every command needs: the streams, the agent registry, the clock, logging to stderr.</summary>
internal sealed class CliContext
{
    public required TextWriter Out { get; init; }
    public required TextWriter Error { get; init; }
    public AgentRegistry Registry { get; init; } = BuiltInAgents.CreateRegistry();
    public TimeProvider Time { get; init; } = TimeProvider.System;
    private readonly Lazy<ISecretScrubber> _scrubber = new(() => new Muster.Agents.Secrets.RuleBasedSecretScrubber());

    /// <summary>Redacts every secret the rule set recognises from agent output, journal rows and prompts.</summary>
    public ISecretScrubber Scrubber => _scrubber.Value;
    public required ILoggerFactory Loggers { get; init; }

    /// <summary>The live view needs a terminal on stderr and no CI.</summary>
    public bool Interactive =>
        !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null or "" or "false" && ReferenceEquals(Error, Console.Error);

    public IAnsiConsole ErrorConsole => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Error) });
}

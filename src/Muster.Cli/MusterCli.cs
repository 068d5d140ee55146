using System.CommandLine;
using System.CommandLine.Invocation;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Muster.Cli.Commands;
using Muster.Model;

namespace Muster.Cli;

/// <summary>The <c>muster</c> command line. Results go to stdout or files; progress and logs go to stderr.</summary>
public static class MusterCli
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var logLevel = Environment.GetEnvironmentVariable("MUSTER_LOG_LEVEL") is { } level && Enum.TryParse<LogLevel>(level, true, out var l) ? l : (LogLevel?)null;
        using var loggers = LoggerFactory.Create(b => b
            .SetMinimumLevel(logLevel ?? LogLevel.Warning)
            // Orleans warns of every dropped connection (with its stack trace): a lost worker is reported by the run itself.
            .AddFilter("Orleans", logLevel ?? LogLevel.Error)
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; }));
        var cli = new CliContext { Out = output, Error = error, Loggers = loggers };

        var root = new RootCommand("Muster: audits a workspace with waves of parallel agents and reports only what it verified.");
        root.Subcommands.Add(AuditCommand.Create(cli));
        root.Subcommands.Add(InitCommand.Create(cli));
        root.Subcommands.Add(BaselineCommand.Create(cli));
        root.Subcommands.Add(RunCommand.Create(cli));
        root.Subcommands.Add(ResumeCommand.Create(cli));
        root.Subcommands.Add(RunsCommand.Create(cli));
        root.Subcommands.Add(StatusCommand.Create(cli));
        root.Subcommands.Add(PlanCommand.Create(cli));
        root.Subcommands.Add(AgentsCommand.Create(cli));
        root.Subcommands.Add(DiffCommand.Create(cli));
        root.Subcommands.Add(PreflightCommand.Create(cli));
        root.Subcommands.Add(OsvCommand.Create(cli));
        root.Subcommands.Add(McpCommand.Create(cli));
        root.Subcommands.Add(WorkerCommand.Create(cli));
        root.Subcommands.Add(WorkersCommand.Create(cli));

        var verbose = new Option<bool>("--verbose") { Description = "On an internal error, print its stack trace too (as MUSTER_DEBUG=1 does).", Recursive = true };
        root.Options.Add(verbose);
        root.Options.OfType<VersionOption>().Single().Action = new PrintVersion(output);

        // Like git and dotnet: no command prints the help (on stdout) and exits non-zero, here with the usage-error code.
        if (args.Length == 0)
        {
            await root.Parse(["--help"]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
            return ExitCodes.UsageError;
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) error.WriteLine($"error: {e.Message}");
            foreach (var hint in Typos.Corrections(parse)) error.WriteLine(hint);
            error.WriteLine("Run 'muster --help' for usage.");
            return ExitCodes.UsageError;
        }
        try
        {
            // System.CommandLine's own termination handling would end the process a fixed time after SIGTERM, before a
            // stopping run has journaled itself as interrupted: runs handle SIGTERM themselves, the rest see this token.
            // A second signal is left to its default action, so a stuck command can still be stopped.
            using var terminate = new CancellationTokenSource();
            void OnSignal(PosixSignalContext ctx)
            {
                if (terminate.IsCancellationRequested) return;
                ctx.Cancel = true;
                terminate.Cancel();
            }
            using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
            using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
            var invocation = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            return await parse.InvokeAsync(invocation, terminate.Token);
        }
        catch (Exception e)
        {
            return CliErrors.Report(e, error, cli.Scrubber, parse.GetValue(verbose) || CliErrors.DebugFromEnvironment);
        }
    }

    /// <summary><c>--version</c> prints <see cref="MusterVersion.Current"/>, the version every report carries.</summary>
    private sealed class PrintVersion(TextWriter output) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            output.WriteLine(MusterVersion.Current);
            return ExitCodes.Passed;
        }
    }
}

using System.CommandLine;
using Muster.Runs.Config;

namespace Muster.Cli.Commands;

/// <summary><c>muster init [PATH]</c>: writes a commented muster.yaml, never over an existing one without --force.</summary>
internal static class InitCommand
{
    public static Command Create(CliContext cli)
    {
        var path = new Argument<string>("path") { Description = "Repository folder to write muster.yaml in (default: the current folder).", DefaultValueFactory = _ => "." };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing muster.yaml." };
        var command = new Command("init", $"Write a commented {RepoConfig.FileName} (every key, its default explained) to commit with the repository.");
        command.Arguments.Add(path);
        command.Options.Add(force);
        command.SetAction(parse =>
        {
            var folder = Path.GetFullPath(parse.GetValue(path)!);
            if (!Directory.Exists(folder)) throw new UsageException($"'{parse.GetValue(path)}' is not a folder; give the repository to write {RepoConfig.FileName} in");
            var file = Path.Combine(folder, RepoConfig.FileName);
            if (File.Exists(file) && !parse.GetValue(force))
                throw new UsageException($"{file} already exists; edit it, or pass --force to replace it with the commented default");
            File.WriteAllText(file, RepoConfigTemplate.Text + "\n");
            cli.Error.WriteLine($"wrote {file}; commit it with the repository ('muster audit {parse.GetValue(path)}' reads it)");
            return ExitCodes.Passed;
        });
        return command;
    }
}

using System.Diagnostics;

namespace Muster.Tests.TestSupport;

/// <summary>
/// The report validators scripts/ci-deps.sh installs from npm into a cache folder (MUSTER_NPM_TOOLS, default
/// ~/.cache/muster/npm-tools). A test that needs one fails, with the command that installs it, when it is missing.
/// </summary>
internal static class NpmTools
{
    public static string Folder { get; } = Environment.GetEnvironmentVariable("MUSTER_NPM_TOOLS") is { Length: > 0 } folder
        ? folder
        : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "muster", "npm-tools");

    public static string SarifMultitool => Require(Path.Combine(Folder, "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool"));

    public static string CycloneDxLibrary => Require(Path.Combine(Folder, "node_modules", "@cyclonedx", "cyclonedx-library"));

    public static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish in 3 minutes");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string Require(string path) =>
        File.Exists(path) || Directory.Exists(path)
            ? path
            : throw new InvalidOperationException($"{path} is missing: run scripts/ci-deps.sh (installs the npm report validators into {Folder}).");
}

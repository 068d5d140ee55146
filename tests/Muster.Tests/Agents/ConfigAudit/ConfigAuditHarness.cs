using System.Diagnostics;
using Muster.Agents;
using Muster.Agents.ConfigAudit;
using Muster.Model;
using Muster.Workspace.Processes;

namespace Muster.Tests.Agents.ConfigAudit;

/// <summary>Writes a throwaway workspace, runs the config-audit agent on it, and cleans up.</summary>
internal sealed class ConfigAuditHarness : IDisposable
{
    /// <summary>Marker in test files replaced at run time by a generated secret-shaped value (never committed).</summary>
    public const string SecretMarker = "@SECRET@";

    public ConfigAuditHarness() => Root = Directory.CreateTempSubdirectory("muster-config-").FullName;

    public string Root { get; }

    /// <summary>A password-shaped value built from seeded random characters.</summary>
    public static string Secret { get; } = "Pw" + RandomChars(1234, 18);

    public static string RandomChars(int seed, int length)
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        var random = new Random(seed);
        return new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
    }

    public ConfigAuditHarness Write(string relativePath, string text)
    {
        var full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text.Replace(SecretMarker, Secret, StringComparison.Ordinal));
        return this;
    }

    public ConfigAuditHarness WriteAll(IReadOnlyDictionary<string, string> files)
    {
        foreach (var (path, text) in files) Write(path, text);
        return this;
    }

    public void SetMode(string relativePath, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(Path.Combine(Root, relativePath), mode);
    }

    public void Git(params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        process.WaitForExit(20_000);
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)}: {process.StandardError.ReadToEnd()}");
    }

    public async Task<AgentResult> RunAsync(AgentSettings? settings = null, IProcessStarter? processes = null)
    {
        var agent = ConfigAuditAgent.Descriptor.Create();
        var context = new AgentContext
        {
            RunId = "test-run",
            AgentId = "config-audit-1",
            Kind = "config-audit",
            Role = AgentRole.Scanner,
            Root = Root,
            Settings = settings ?? AgentSettings.Empty,
            Processes = processes ?? SystemProcessStarter.Instance,
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await agent.RunAsync(context, timeout.Token);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // a git process still holding a file: the temp folder is cleaned by the OS later
        }
    }
}

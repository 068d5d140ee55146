using System.Diagnostics;
using System.Text.RegularExpressions;
using Muster.Tests.Docker;

namespace Muster.Tests.Integrations;

/// <summary>
/// Stand-ins for the Dockerfile's two base images, which cannot be pulled here, made from this machine with
/// <c>docker import</c>: <see cref="RuntimeDeps"/> holds the shared libraries .NET's runtime needs (found with ldd on
/// this machine's runtime), git and its libraries, CA certificates, a static busybox for <c>/bin/sh</c> and a non-root
/// home; <see cref="Sdk"/> adds this machine's .NET SDK. The Dockerfile builds on them unchanged, through its
/// <c>SDK</c> and <c>BASE</c> build arguments.
/// </summary>
internal static partial class LocalBaseImages
{
    public const string RuntimeDeps = "muster-runtime-deps:local";
    public const string Sdk = "muster-sdk:local";
    private const string DotnetRoot = "/usr/share/dotnet";
    private static readonly string[] Applets = ["sh", "mv", "cp", "rm", "ls", "cat", "mkdir", "env", "true", "false", "chmod", "ln", "id"];

    public static async Task ImportAsync(DockerEngineFixture engine, string folder)
    {
        var rootfs = Path.Combine(folder, "rootfs");
        foreach (var dir in (string[])["bin", "usr/bin", "tmp", "root", "home/app", "etc/ssl/certs"]) Directory.CreateDirectory(Path.Combine(rootfs, dir));
        var busybox = new[] { "/bin/busybox", "/usr/bin/busybox" }.First(File.Exists);
        File.Copy(busybox, Path.Combine(rootfs, "bin", "busybox"));
        foreach (var applet in Applets) File.CreateSymbolicLink(Path.Combine(rootfs, "bin", applet), "busybox");
        var git = Which("git") ?? throw new InvalidOperationException("git is not installed");
        File.Copy(git, Path.Combine(rootfs, "usr", "bin", "git"));
        File.Copy("/etc/ssl/certs/ca-certificates.crt", Path.Combine(rootfs, "etc", "ssl", "certs", "ca-certificates.crt"));
        File.WriteAllText(Path.Combine(rootfs, "etc", "passwd"), "root:x:0:0:root:/root:/bin/sh\napp:x:1654:1654:app:/home/app:/bin/sh\n");
        File.WriteAllText(Path.Combine(rootfs, "etc", "group"), "root:x:0:\napp:x:1654:\n");

        var runtime = Directory.GetDirectories(Path.Combine(DotnetRoot, "shared", "Microsoft.NETCore.App")).Order(StringComparer.Ordinal).Last();
        var elves = new List<string> { Path.Combine(DotnetRoot, "dotnet"), git };
        elves.AddRange(Directory.GetFiles(runtime, "*.so"));
        elves.AddRange(Directory.GetFiles(Path.Combine(DotnetRoot, "host", "fxr"), "*.so", SearchOption.AllDirectories));
        // Loaded with dlopen, so ldd of the runtime does not list them: TLS for NuGet and for Muster's HTTP clients.
        elves.AddRange(await SystemLibrariesAsync("libssl.so.3", "libcrypto.so.3"));
        foreach (var library in await DependenciesAsync(elves)) CopyInto(rootfs, library);
        foreach (var library in await SystemLibrariesAsync("libssl.so.3", "libcrypto.so.3")) CopyInto(rootfs, library);
        await ShellAsync($"chown 1654:1654 '{rootfs}/home/app' && chmod 1777 '{rootfs}/tmp'");
        const string environment = "--change 'ENV PATH=/usr/bin:/bin' --change 'ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1'";
        await engine.RunAsync("sh", ["-c", $"tar -C '{rootfs}' -c . | docker import {environment} - {RuntimeDeps}"], timeout: TimeSpan.FromMinutes(5));

        // The SDK image: the same files plus this machine's SDK, and the dotnet command on PATH.
        var extra = Path.Combine(folder, "sdk-extra");
        Directory.CreateDirectory(Path.Combine(extra, "usr", "bin"));
        File.CreateSymbolicLink(Path.Combine(extra, "usr", "bin", "dotnet"), Path.Combine(DotnetRoot, "dotnet"));
        const string sdkEnvironment = environment + " --change 'ENV HOME=/root' --change 'ENV DOTNET_CLI_TELEMETRY_OPTOUT=1' --change 'ENV DOTNET_NOLOGO=1'";
        await engine.RunAsync("sh", ["-c", $"tar -c -C '{rootfs}' . -C '{extra}' ./usr/bin/dotnet -C / .{DotnetRoot} | docker import {sdkEnvironment} - {Sdk}"],
            timeout: TimeSpan.FromMinutes(10));
    }

    private static void CopyInto(string rootfs, string library)
    {
        // The runtime's own files are the SDK image's (and a self-contained app brings its copy), not the base's.
        if (library.StartsWith(DotnetRoot + "/", StringComparison.Ordinal)) return;
        var target = Path.Combine(rootfs, library.TrimStart('/'));
        if (File.Exists(target)) return;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(library, target); // follows the soname link: the image gets the file under the name the loader asks for
    }

    /// <summary>Every library (and the loader) ldd lists for the given ELF files.</summary>
    private static async Task<IReadOnlySet<string>> DependenciesAsync(IEnumerable<string> elves)
    {
        var libraries = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var elf in elves)
        {
            var (code, output) = await RunAsync("ldd", elf);
            if (code != 0) continue; // a static or non-ELF file
            foreach (Match m in LddPath().Matches(output)) libraries.Add(m.Groups[1].Value);
        }
        return libraries;
    }

    private static async Task<IEnumerable<string>> SystemLibrariesAsync(params string[] names)
    {
        var (_, output) = await RunAsync("ldconfig", "-p");
        return names.Select(name => output.Split('\n')
                .Select(l => l.Trim())
                .Where(l => l.StartsWith(name + " ", StringComparison.Ordinal) && l.Contains("x86-64", StringComparison.Ordinal))
                .Select(l => l[(l.LastIndexOf("=> ", StringComparison.Ordinal) + 3)..])
                .FirstOrDefault() ?? throw new InvalidOperationException($"{name} is not installed on this machine"));
    }

    private static Task ShellAsync(string script) => RunAsync("sh", "-c", script);

    private static async Task<(int Code, string Output)> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, stdout + await stderr);
    }

    private static string? Which(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':').Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);

    // "libz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x…)" and the loader's "/lib64/ld-linux-x86-64.so.2 (0x…)".
    [GeneratedRegex(@"(?:=>\s+|^\s*)(/\S+)\s+\(0x", RegexOptions.Multiline)]
    private static partial Regex LddPath();
}

using Muster.Workspace.Processes;

namespace Muster.Workspace.Git;

/// <summary>
/// The one way Muster runs git. Git never sees the audited repository's own git directory: it works in a
/// <see cref="GitSandbox"/> (configuration written by Muster, copies of the index and refs), with system and global
/// configuration off, every program-starting setting overridden (<see cref="GitCommandPolicy"/>), an environment
/// emptied down to what git needs, and only read-only subcommands. This is why it can run on a repository owned by
/// another user without weakening git's ownership check: the configuration that check protects is never loaded.
/// </summary>
public sealed class GitRunner : IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);
    public const long DefaultOutputLimit = 512L * 1024 * 1024;

    private readonly string _executable;
    private readonly string _workingDirectory;
    private readonly GitSandbox _sandbox;
    private readonly TimeProvider _time;
    private readonly IProcessStarter _processes;

    private GitRunner(string executable, string workingDirectory, GitRepositoryLocation repository, GitSandbox sandbox, TimeProvider time,
        IProcessStarter processes)
    {
        _time = time;
        _processes = processes;
        _executable = executable;
        _workingDirectory = workingDirectory;
        Repository = repository;
        _sandbox = sandbox;
    }

    public GitRepositoryLocation Repository { get; }

    /// <summary>The absolute path of the git binary this runner starts.</summary>
    public string Executable => _executable;

    /// <summary>A runner for the repository holding <paramref name="root"/>; git commands run with <paramref name="root"/> as their working directory.</summary>
    /// <exception cref="GitUnavailableException">No repository, no git, or metadata Muster will not follow (the message says which).</exception>
    /// <param name="time">The clock command timeouts run on (the system clock by default).</param>
    /// <param name="processes">What starts git (real processes by default; an agent passes its context's).</param>
    public static GitRunner Open(string root, GitAccess access = GitAccess.WorkTree, string? searchPath = null, TimeProvider? time = null,
        IProcessStarter? processes = null)
    {
        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var repository = GitRepositoryLocation.Find(fullRoot);
        var executable = GitExecutable.Find(fullRoot, searchPath);
        GitSandbox sandbox;
        try
        {
            sandbox = GitSandbox.Create(repository, access);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GitUnavailableException($"could not prepare git's private folder: {e.Message}");
        }
        return new GitRunner(executable, fullRoot, repository, sandbox, time ?? TimeProvider.System, processes ?? SystemProcessStarter.Instance);
    }

    /// <summary>Starts a command whose output the caller streams; see <see cref="GitProcess"/>. Standard input is closed at once unless <paramref name="writesInput"/>.</summary>
    public GitProcess Start(IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken, bool writesInput = false)
    {
        var spec = Spec(arguments, writesInput);
        IStartedProcess process;
        try
        {
            process = _processes.Start(spec);
        }
        catch (ProcessStartException e)
        {
            throw new GitUnavailableException($"git could not be started: {e.Message}");
        }
        return new GitProcess(process, arguments[0], timeout, _time, cancellationToken);
    }

    /// <summary>Runs a command to completion and returns its output as text; failures, timeouts and oversized output come back as <see cref="GitResult.Error"/>.</summary>
    public async Task<GitResult> RunAsync(IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken,
        byte[]? input = null, long outputLimit = DefaultOutputLimit)
    {
        await using var git = Start(arguments, timeout, cancellationToken, writesInput: input is not null);
        var writing = input is null ? Task.CompletedTask : WriteInputAsync(git, input);
        using var output = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        var tooLong = false;
        try
        {
            while ((read = await git.Output.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (output.Length + read > outputLimit) { tooLong = true; break; }
                output.Write(buffer, 0, read);
            }
        }
        catch (IOException) when (git.Stopped && !cancellationToken.IsCancellationRequested)
        {
            // killed on timeout: reported below
        }
        if (tooLong) return new GitResult(-1, "", $"git {arguments[0]} wrote more than {outputLimit / (1024 * 1024):N0} MB; stopped");
        await writing.ConfigureAwait(false);
        var result = await git.WaitAsync(cancellationToken).ConfigureAwait(false);
        return result with { Output = System.Text.Encoding.UTF8.GetString(output.GetBuffer(), 0, (int)output.Length) };
    }

    private static async Task WriteInputAsync(GitProcess git, byte[] input)
    {
        try
        {
            await git.Input.WriteAsync(input).ConfigureAwait(false);
            git.Input.Close();
        }
        catch (IOException)
        {
            // git exited before reading all of its input; its exit code says why
        }
    }

    internal ProcessSpec Spec(IReadOnlyList<string> arguments, bool writesInput = false) => new()
    {
        FileName = _executable,
        Arguments = GitCommandPolicy.CommandLine(arguments),
        WorkingDirectory = _workingDirectory,
        Environment = Environment().ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal),
        WritesInput = writesInput,
    };

    private IEnumerable<(string Name, string Value)> Environment()
    {
        var gitDirectory = Path.GetDirectoryName(_executable)!;
        yield return ("PATH", string.Join(Path.PathSeparator, new[] { gitDirectory, "/usr/local/bin", "/usr/bin", "/bin" }.Distinct()));
        yield return ("HOME", _sandbox.Home);
        yield return ("XDG_CONFIG_HOME", Path.Combine(_sandbox.Home, ".config"));
        yield return ("TMPDIR", _sandbox.Directory);
        yield return ("LANG", "C");
        yield return ("LC_ALL", "C");
        yield return ("TERM", "dumb");
        yield return ("GIT_DIR", _sandbox.GitDirectory);
        yield return ("GIT_WORK_TREE", Repository.WorkTree);
        yield return ("GIT_INDEX_FILE", _sandbox.IndexFile);
        yield return ("GIT_OBJECT_DIRECTORY", _sandbox.ObjectDirectory);
        yield return ("GIT_CONFIG_NOSYSTEM", "1");
        yield return ("GIT_CONFIG_SYSTEM", "/dev/null");
        yield return ("GIT_CONFIG_GLOBAL", "/dev/null");
        yield return ("GIT_ATTR_NOSYSTEM", "1");
        yield return ("GIT_TERMINAL_PROMPT", "0");
        yield return ("GIT_OPTIONAL_LOCKS", "0");
        yield return ("GIT_NO_REPLACE_OBJECTS", "1");
        yield return ("GIT_EDITOR", ":");
        yield return ("GIT_PAGER", "cat");
        yield return ("GIT_ALLOW_PROTOCOL", "none");
        yield return ("GIT_PROTOCOL_FROM_USER", "0");
    }

    public void Dispose() => _sandbox.Dispose();
}

namespace Muster.Workspace.Git;

/// <summary>
/// A private git directory in a fresh temporary folder, standing in for the repository's own: it holds a configuration
/// Muster wrote (so nothing the repository's config, includes or hooks say is ever loaded), copies of the index, the
/// exclude file and (for history) the refs, and points git at the real object database only when history is asked
/// for. Git writes nothing into the audited repository: even lock files land here.
/// </summary>
internal sealed class GitSandbox : IDisposable
{
    private const long ExcludeFileLimit = 1024 * 1024;
    private const int RefFileLimit = 200_000;

    private GitSandbox(string directory)
    {
        Directory = directory;
        Home = Path.Combine(directory, "home");
        GitDirectory = Path.Combine(directory, "git");
        IndexFile = Path.Combine(GitDirectory, "index");
        ObjectDirectory = Path.Combine(GitDirectory, "objects");
    }

    public string Directory { get; }
    public string Home { get; }
    public string GitDirectory { get; }
    public string IndexFile { get; }
    public string ObjectDirectory { get; private set; }

    public static GitSandbox Create(GitRepositoryLocation repository, GitAccess access)
    {
        var sandbox = new GitSandbox(System.IO.Directory.CreateTempSubdirectory("muster-git-").FullName);
        try
        {
            sandbox.Populate(repository, access);
            return sandbox;
        }
        catch
        {
            sandbox.Dispose();
            throw;
        }
    }

    private void Populate(GitRepositoryLocation repository, GitAccess access)
    {
        foreach (var dir in (string[])[Home, Path.Combine(GitDirectory, "refs", "heads"), Path.Combine(GitDirectory, "info"), ObjectDirectory])
            System.IO.Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(GitDirectory, "config"), repository.Sha256
            ? "[core]\n\trepositoryformatversion = 1\n\tbare = false\n[extensions]\n\tobjectformat = sha256\n"
            : "[core]\n\trepositoryformatversion = 0\n\tbare = false\n");
        File.WriteAllText(Path.Combine(GitDirectory, "HEAD"), "ref: refs/heads/muster-sandbox\n");
        CopyIfPresent(Path.Combine(repository.GitDirectory, "index"), IndexFile, long.MaxValue);
        CopyIfPresent(Path.Combine(repository.CommonDirectory, "info", "exclude"), Path.Combine(GitDirectory, "info", "exclude"), ExcludeFileLimit);
        if (access == GitAccess.History) ExposeHistory(repository);
    }

    private void ExposeHistory(GitRepositoryLocation repository)
    {
        var realObjects = Path.Combine(repository.CommonDirectory, "objects");
        if (new DirectoryInfo(realObjects).LinkTarget is not null)
            throw new GitUnavailableException($"{realObjects} is a symbolic link; history not read");
        var alternates = Path.Combine(realObjects, "info", "alternates");
        if (File.Exists(alternates))
        {
            // git follows alternates from the real object folder whatever we say, so an alternate outside the
            // repository's own metadata would be a read we did not choose.
            foreach (var line in File.ReadLines(alternates).Where(l => l.Length > 0 && l[0] != '#'))
            {
                var target = Path.GetFullPath(line.Trim(), realObjects);
                if (!GitRepositoryLocation.IsInside(target, repository.CommonDirectory) && !GitRepositoryLocation.IsInside(target, repository.WorkTree))
                    throw new GitUnavailableException($"{alternates} borrows objects from {target}, outside the repository; history not read", outsideReference: true);
            }
        }
        ObjectDirectory = realObjects;
        CopyIfPresent(Path.Combine(repository.GitDirectory, "HEAD"), Path.Combine(GitDirectory, "HEAD"), ExcludeFileLimit);
        CopyIfPresent(Path.Combine(repository.CommonDirectory, "packed-refs"), Path.Combine(GitDirectory, "packed-refs"), long.MaxValue);
        CopyIfPresent(Path.Combine(repository.CommonDirectory, "shallow"), Path.Combine(GitDirectory, "shallow"), long.MaxValue);
        CopyRefs(Path.Combine(repository.CommonDirectory, "refs"), Path.Combine(GitDirectory, "refs"));
    }

    private static void CopyRefs(string from, string to)
    {
        if (!System.IO.Directory.Exists(from) || new DirectoryInfo(from).LinkTarget is not null) return;
        var copied = 0;
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
        foreach (var file in System.IO.Directory.EnumerateFiles(from, "*", options))
        {
            if (++copied > RefFileLimit) throw new GitUnavailableException($"{from} holds more than {RefFileLimit:N0} refs; history not read");
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    /// <summary>Copies a regular file; a symbolic link (the file or its folder) is skipped, so a copy never reads outside the repository.</summary>
    private static void CopyIfPresent(string from, string to, long limit)
    {
        var info = new FileInfo(from);
        if (!info.Exists || info.LinkTarget is not null || info.Directory?.LinkTarget is not null || info.Length > limit) return;
        File.Copy(from, to, overwrite: true);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // best effort: a temp folder left behind holds only copies of git metadata
        }
    }
}

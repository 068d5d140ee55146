using Muster.Tests.Workspace;

namespace Muster.Tests.Agents.Secrets.History;

/// <summary>A git repository a test builds commit by commit with the real git CLI.</summary>
internal sealed class HistoryRepo : IDisposable
{
    private readonly TempTree _base = new();

    public HistoryRepo()
    {
        Root = Path.Combine(_base.Path, "repo");
        Directory.CreateDirectory(Root);
        Git("init", "-q");
    }

    public string Base => _base.Path;
    public string Root { get; }

    public string Git(params string[] args) => GitTestRepo.Output(Root, args).Trim();

    public void Write(string path, string content)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    /// <summary>Writes the files, commits everything and returns the new commit's id.</summary>
    public string Commit(string message, params (string Path, string Content)[] files)
    {
        foreach (var (path, content) in files) Write(path, content);
        Git("add", "-A");
        Git("commit", "-q", "--allow-empty", "-m", message);
        return Head();
    }

    public string Remove(string message, params string[] paths)
    {
        Git(["rm", "-q", .. paths]);
        Git("commit", "-q", "-m", message);
        return Head();
    }

    public string Head() => Git("rev-parse", "HEAD");

    /// <summary>A bare repository next to this one, added as <c>origin</c> and pushed to: refs/remotes/origin/main exists.</summary>
    public void PushToOrigin()
    {
        var remote = Path.Combine(Base, "origin.git");
        if (!Directory.Exists(remote))
        {
            GitTestRepo.Run(Base, "init", "-q", "--bare", remote);
            Git("remote", "add", "origin", remote);
        }
        Git("push", "-q", "origin", "HEAD:refs/heads/main");
        Git("fetch", "-q", "origin");
    }

    public void Dispose() => _base.Dispose();
}

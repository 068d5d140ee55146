using Muster.Workspace.Git;

namespace Muster.Cli.Commands;

/// <summary>What <c>muster audit --staged</c> needs before a run starts: a git work tree to read the index of.</summary>
internal static class StagedChecks
{
    public static void RequireRepository(string root, string given)
    {
        try
        {
            _ = GitRepositoryLocation.Find(root);
        }
        catch (GitUnavailableException e)
        {
            throw new UsageException($"--staged reads git's index, but '{given}' has none ({e.Message}); run it inside a git work tree, or drop --staged to audit the files");
        }
    }
}

using Muster.Tests.Workspace;

namespace Muster.Tests.Security;

/// <summary>
/// A git repository planted the way an attacker would: every configuration key that makes git start a program
/// (directly, through hooks, drivers named by .gitattributes, and through include/includeIf files outside the
/// workspace) is set to a command that writes a marker file named after the key. Nothing may ever create a marker.
/// </summary>
internal sealed class HostileRepository : IDisposable
{
    /// <summary>Keys set in the repository's own config, each to "touch MARKERS/key".</summary>
    public static readonly string[] CommandKeys =
    [
        "core.fsmonitor", "core.sshCommand", "core.pager", "core.editor", "core.askPass", "core.gitProxy", "core.alternateRefsCommand",
        "diff.external", "diff.evil.textconv", "diff.evil.command", "filter.evil.clean", "filter.evil.smudge", "filter.evilproc.process",
        "credential.helper", "uploadpack.packObjectsHook", "gpg.program", "gpg.ssh.program", "gpg.x509.program", "sequence.editor",
        "merge.evil.driver", "remote.origin.uploadpack", "remote.origin.receivepack",
    ];

    public static readonly string[] HookNames =
    [
        "pre-commit", "post-commit", "post-checkout", "post-index-change", "pre-auto-gc", "reference-transaction", "fsmonitor-watchman",
        "post-rewrite", "pre-push", "post-merge", "prepare-commit-msg", "commit-msg", "push-to-checkout", "sendemail-validate",
    ];

    private readonly TempTree _base = new();

    private HostileRepository()
    {
        Root = Path.Combine(_base.Path, "repo");
        Markers = Path.Combine(_base.Path, "markers");
        Outside = Path.Combine(_base.Path, "outside");
        foreach (var dir in (string[])[Root, Markers, Outside]) Directory.CreateDirectory(dir);
    }

    /// <summary>The folder holding the repository, the markers and the outside files: everything here but the root is "outside".</summary>
    public string Base => _base.Path;
    public string Root { get; }
    public string Markers { get; }
    public string Outside { get; }

    public static HostileRepository Plant()
    {
        var repo = new HostileRepository();
        repo.WriteWorkTree();
        GitTestRepo.Run(repo.Root, "init", "-q");
        GitTestRepo.Run(repo.Root, "add", "-A");
        GitTestRepo.Run(repo.Root, "commit", "-qm", "first");
        File.AppendAllText(Path.Combine(repo.Root, "app.py"), "print('second')\n");
        GitTestRepo.Run(repo.Root, "commit", "-qam", "second");
        repo.PlantConfiguration();
        repo.PlantHooks(Path.Combine(repo.Root, ".git", "hooks"), "hook-default-");
        repo.PlantHooks(Path.Combine(repo.Root, ".git", "evil-hooks"), "hook-");
        return repo;
    }

    /// <summary>Names of the markers that exist (each one a program git started on the attacker's behalf).</summary>
    public IReadOnlyList<string> MarkersPresent() => Directory.GetFiles(Markers).Select(Path.GetFileName).OfType<string>().Order().ToList();

    /// <summary>Changes both tracked files, so status-like commands must hash them (through the clean filters), and adds an untracked file the filter process claims.</summary>
    public void ModifyWorkTree()
    {
        File.WriteAllText(Path.Combine(Root, "app.py"), "print('changed')\n");
        File.WriteAllText(Path.Combine(Root, "README.md"), "# changed\n");
        File.WriteAllText(Path.Combine(Root, "notes.proc"), "untracked\n");
    }

    public string Command(string marker) => $"touch {Path.Combine(Markers, marker)}";

    private void WriteWorkTree()
    {
        File.WriteAllText(Path.Combine(Root, "app.py"), "print('first')\n");
        File.WriteAllText(Path.Combine(Root, "README.md"), "# planted\n");
        // Every path gets the planted diff and filter drivers; *.proc the long-running filter process (its failure is
        // fatal to git, so it is kept to a file that is never committed).
        File.WriteAllText(Path.Combine(Root, ".gitattributes"), "* diff=evil filter=evil merge=evil\n*.proc filter=evilproc\n");
        WriteOutsideReferences();
    }

    /// <summary>
    /// Workspace files that name files outside the root (absolute, by climbing out, through a folder link): each
    /// target exists, so only confinement keeps it from being read.
    /// </summary>
    private void WriteOutsideReferences()
    {
        foreach (var name in (string[])["abs-requirements.txt", "rel-requirements.txt", "linked-requirements.txt", "constraints.txt"])
            File.WriteAllText(Path.Combine(Outside, name), "leaked-package\n");
        File.WriteAllText(Path.Combine(Outside, "compose.yml"), "services:\n  leaked:\n    image: leaked\n");
        File.WriteAllText(Path.Combine(Outside, "base.yml"), "services:\n  base:\n    image: base\n");
        if (!OperatingSystem.IsWindows()) Directory.CreateSymbolicLink(Path.Combine(Root, "linked"), Outside);
        File.WriteAllText(Path.Combine(Root, "requirements.txt"),
            $"-r {Path.Combine(Outside, "abs-requirements.txt")}\n-r ../outside/rel-requirements.txt\n-r linked/linked-requirements.txt\n-c {Path.Combine(Outside, "constraints.txt")}\nrequests\n");
        File.WriteAllText(Path.Combine(Root, "docker-compose.yml"),
            $"include:\n  - {Path.Combine(Outside, "compose.yml")}\nservices:\n  web:\n    image: web\n    extends:\n      file: ../outside/base.yml\n      service: base\n");
        Directory.CreateDirectory(Path.Combine(Root, "docs"));
        File.WriteAllText(Path.Combine(Root, "docs", "services.md"), "# Services\n\nThe compose service web serves the application.\n");
    }

    private void PlantConfiguration()
    {
        foreach (var key in CommandKeys) SetConfig(key, Command(key));
        SetConfig("core.hooksPath", Path.Combine(Root, ".git", "evil-hooks"));
        SetConfig("protocol.allow", "always");
        SetConfig("protocol.ext.allow", "always");
        SetConfig("log.showSignature", "true");
        SetConfig("remote.origin.url", "ext::sh -c " + Command("remote-ext").Replace(" ", "% ", StringComparison.Ordinal));
        SetConfig("status.showUntrackedFiles", "all");
        // Includes cannot be switched off by `-c`: the included files set the same keys again (later, so they win).
        var included = Path.Combine(Outside, "included.config");
        File.WriteAllText(included, $"[core]\n\tfsmonitor = {Command("include-core.fsmonitor")}\n[diff]\n\texternal = {Command("include-diff.external")}\n");
        SetConfig("include.path", included);
        var conditional = Path.Combine(Outside, "conditional.config");
        File.WriteAllText(conditional, $"[diff \"evil\"]\n\ttextconv = {Command("includeIf-diff.evil.textconv")}\n[filter \"evil\"]\n\tclean = {Command("includeIf-filter.evil.clean")}\n");
        SetConfig($"includeIf.gitdir:{Root}/.path", conditional);
    }

    private void PlantHooks(string folder, string markerPrefix)
    {
        Directory.CreateDirectory(folder);
        foreach (var hook in HookNames)
        {
            var path = Path.Combine(folder, hook);
            File.WriteAllText(path, $"#!/bin/sh\n{Command(markerPrefix + hook)}\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }
    }

    // `git config --file` only edits the file: it starts nothing the planted config names.
    private void SetConfig(string key, string value) =>
        GitTestRepo.Run(Root, "config", "--file", Path.Combine(Root, ".git", "config"), "--add", key, value);

    public void Dispose() => _base.Dispose();
}

using Muster.Formats.Compose;

namespace Muster.Tests.Formats.Compose;

/// <summary>With <see cref="ComposeLoadOptions.ConfineTo"/>, references that leave the root are warnings and never read.</summary>
public sealed class ComposeConfinementTests : IDisposable
{
    private readonly ComposeTempFolder _folder = new();
    private readonly string _root;
    private readonly string _outside;

    public ComposeConfinementTests()
    {
        _root = Path.Combine(_folder.Path, "root");
        _outside = Path.Combine(_folder.Path, "outside");
        Directory.CreateDirectory(_root);
        _folder.Write("outside/compose.yml", "services:\n  leaked:\n    image: leaked\n");
        _folder.Write("outside/.env", "TAG=leaked\n");
    }

    private ComposeProject Load() => ComposeLoader.Load([Path.Combine(_root, "compose.yml")],
        new ComposeLoadOptions { Environment = new Dictionary<string, string>(), DisplayRoot = _root, ConfineTo = _root });

    [Fact]
    public void An_include_by_absolute_path_or_by_climbing_out_is_a_warning_not_a_read()
    {
        _folder.Write("root/compose.yml", $"include:\n  - {Path.Combine(_outside, "compose.yml")}\n  - path: ../outside/compose.yml\nservices:\n  web:\n    image: web\n");

        var project = Load();

        Assert.Equal(["web"], project.Services.Select(s => s.Name).ToList());
        var outside = project.Diagnostics.Where(d => d.Code == ComposeLoader.OutsideCode).ToList();
        Assert.Equal(2, outside.Count);
        Assert.Contains(outside, d => d.Message.StartsWith("compose include names a file outside the workspace: ../outside/compose.yml", StringComparison.Ordinal));
        Assert.All(outside, d => Assert.Equal("compose.yml", d.Position.File));
    }

    [Fact]
    public void Extends_from_a_file_outside_is_a_warning_and_the_service_keeps_only_its_own_keys()
    {
        _folder.Write("root/compose.yml", "services:\n  web:\n    image: web\n    extends:\n      file: ../outside/compose.yml\n      service: leaked\n");

        var project = Load();

        var web = Assert.Single(project.Services);
        Assert.Equal("web", web.Image);
        Assert.Contains(project.Diagnostics, d => d.Code == ComposeLoader.OutsideCode && d.Message.Contains("extends from a file outside the workspace: ../outside/compose.yml", StringComparison.Ordinal));
    }

    [Fact]
    public void A_dot_env_that_links_outside_is_not_read()
    {
        if (OperatingSystem.IsWindows()) return;
        _folder.Write("root/compose.yml", "services:\n  web:\n    image: web:${TAG:-safe}\n");
        File.CreateSymbolicLink(Path.Combine(_root, ".env"), Path.Combine(_outside, ".env"));

        var project = Load();

        Assert.Equal("web:safe", Assert.Single(project.Services).Image);
        Assert.Contains(project.Diagnostics, d => d.Code == ComposeLoader.OutsideCode && d.Message.Contains(".env", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_confinement_the_loader_still_follows_references_as_compose_does()
    {
        _folder.Write("root/compose.yml", "include:\n  - ../outside/compose.yml\nservices:\n  web:\n    image: web\n");

        var project = ComposeLoader.Load([Path.Combine(_root, "compose.yml")], new ComposeLoadOptions { Environment = new Dictionary<string, string>() });

        Assert.Equal(["leaked", "web"], project.Services.Select(s => s.Name).Order(StringComparer.Ordinal).ToList());
    }

    public void Dispose() => _folder.Dispose();
}

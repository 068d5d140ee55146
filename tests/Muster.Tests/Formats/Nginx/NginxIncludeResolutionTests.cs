using Muster.Formats.Nginx;

namespace Muster.Tests.Formats.Nginx;

/// <summary>Includes resolve as nginx resolves them: against the prefix, with glob(3) rules.</summary>
public sealed class NginxIncludeResolutionTests : IDisposable
{
    private readonly TempTree _tree = new();

    private string Root => _tree.Path;

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void A_relative_include_in_an_included_file_resolves_against_the_main_configs_folder()
    {
        _tree.Write("nginx.conf", "http {\n    include conf.d/*.conf;\n}\n");
        _tree.Write("conf.d/site.conf", "server {\n    include snippets/basic.conf;\n}\n");
        _tree.Write("snippets/basic.conf", "server_tokens off;\n");
        _tree.Write("conf.d/snippets/basic.conf", "server_tokens on;\n");

        var config = NginxConfig.Load(Path.Combine(Root, "nginx.conf"), Root);

        Assert.Empty(config.Errors);
        Assert.Equal(["nginx.conf", "conf.d/site.conf", "snippets/basic.conf"], config.Files);
        Assert.Equal("off", Assert.Single(config.FindAll("server_tokens")).Arg0);
    }

    [Fact]
    public void The_prefix_can_be_given_like_nginx_dash_p()
    {
        _tree.Write("deploy/nginx/nginx.conf", "http {\n    include h5bp/basic.conf;\n}\n");
        _tree.Write("deploy/h5bp/basic.conf", "server_tokens off;\n");

        var byFolder = NginxConfig.Load(Path.Combine(Root, "deploy/nginx/nginx.conf"), Root);
        var byPrefix = NginxConfig.Load(Path.Combine(Root, "deploy/nginx/nginx.conf"), Root, Path.Combine(Root, "deploy"));

        Assert.Contains(byFolder.Errors, e => e.Message.Contains("\"h5bp/basic.conf\" does not exist", StringComparison.Ordinal));
        Assert.Empty(byPrefix.Errors);
        Assert.Equal(["deploy/nginx/nginx.conf", "deploy/h5bp/basic.conf"], byPrefix.Files);
    }

    [Fact]
    public void Star_does_not_match_dotfiles_and_brackets_and_question_marks_match_one_character()
    {
        _tree.Write("nginx.conf", "include conf.d/*.conf;\ninclude sites/site-?.conf;\ninclude sites/[ab]x.conf;\ninclude conf.d/.*.conf;\n");
        _tree.Write("conf.d/.default.conf", "server { server_name dot; }\n");
        _tree.Write("conf.d/app.conf", "server { server_name app; }\n");
        _tree.Write("sites/site-1.conf", "server { server_name one; }\n");
        _tree.Write("sites/site-10.conf", "server { server_name ten; }\n");
        _tree.Write("sites/ax.conf", "server { server_name ax; }\n");
        _tree.Write("sites/cx.conf", "server { server_name cx; }\n");

        var config = NginxConfig.Load(Path.Combine(Root, "nginx.conf"), Root);

        Assert.Empty(config.Errors);
        Assert.Equal(["app", "one", "ax", "dot"], config.FindAll("server_name").Select(s => s.Arg0));
    }

    [Fact]
    public void Wildcards_in_folder_segments_are_expanded_in_sorted_order()
    {
        _tree.Write("nginx.conf", "http {\n    include sites-*/*.conf;\n}\n");
        _tree.Write("sites-b/x.conf", "server { server_name b; }\n");
        _tree.Write("sites-a/y.conf", "server { server_name a; }\n");
        _tree.Write(".sites-hidden/z.conf", "server { server_name hidden; }\n");

        var config = NginxConfig.Load(Path.Combine(Root, "nginx.conf"), Root);

        Assert.Equal(["a", "b"], config.FindAll("server_name").Select(s => s.Arg0));
    }
}

using Muster.Formats.Nginx;

namespace Muster.Tests.Formats.Nginx;

public sealed class NginxConfigLoadTests : IDisposable
{
    private readonly TempTree _tree = new();

    private string Root => _tree.Path;

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void Follows_include_globs_relative_to_the_including_file_in_sorted_order()
    {
        _tree.Write("etc/nginx.conf", "http {\n    include conf.d/*.conf;\n    include mime.types;\n}\n");
        _tree.Write("etc/mime.types", "types { text/html html; }\n");
        _tree.Write("etc/conf.d/b.conf", "server { server_name b; }\n");
        _tree.Write("etc/conf.d/a.conf", "upstream app { server app:80; }\nserver { server_name a; }\n");
        _tree.Write("etc/conf.d/ignored.txt", "garbage {\n");

        var config = NginxConfig.Load(Path.Combine(Root, "etc/nginx.conf"), Root);

        Assert.Empty(config.Errors);
        Assert.Equal("etc/nginx.conf", config.Path);
        Assert.Equal(["etc/nginx.conf", "etc/conf.d/a.conf", "etc/conf.d/b.conf", "etc/mime.types"], config.Files);
        var http = config.Directives[0];
        Assert.Equal(["include", "upstream", "server", "server", "include", "types"], http.Children.Select(c => c.Name));
        var upstream = http.Children[1];
        Assert.Equal("etc/conf.d/a.conf", upstream.File);
        Assert.Equal(1, upstream.Line);
        Assert.Same(http, upstream.Parent);
        Assert.Equal(["b"], config.FindAll("server_name").Select(s => s.Arg0).Skip(1));
        Assert.All(config.Includes, i => Assert.True(i.Followed));
    }

    [Fact]
    public void Records_missing_outside_and_cyclic_includes_as_errors()
    {
        _tree.Write("nginx.conf", "include missing.conf;\ninclude ../../outside.conf;\ninclude self.conf;\ninclude none/*.conf;\n");
        _tree.Write("self.conf", "include self.conf;\n");

        var config = NginxConfig.Load(Path.Combine(Root, "nginx.conf"), Root);

        Assert.Contains(config.Errors, e => e.Message.Contains("does not exist", StringComparison.Ordinal) && e.Line == 1);
        Assert.Contains(config.Errors, e => e.Message.Contains("outside the audited root", StringComparison.Ordinal) && e.Line == 2);
        Assert.Contains(config.Errors, e => e.Message.Contains("cycle", StringComparison.Ordinal) && e.File == "self.conf");
        Assert.DoesNotContain(config.Errors, e => e.Message.Contains("none/", StringComparison.Ordinal));
        Assert.Contains(config.Includes, i => i.Directive.Arg0 == "../../outside.conf" && !i.Followed);
    }

    [Fact]
    public void Reports_an_unreadable_main_file_as_an_error()
    {
        var config = NginxConfig.Load(Path.Combine(Root, "absent.conf"), Root);
        Assert.Empty(config.Directives);
        Assert.Contains("cannot read", Assert.Single(config.Errors).Message, StringComparison.Ordinal);
    }
}

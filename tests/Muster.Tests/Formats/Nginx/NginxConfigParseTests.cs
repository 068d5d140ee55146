using Muster.Formats.Nginx;

namespace Muster.Tests.Formats.Nginx;

public sealed class NginxConfigParseTests
{
    [Fact]
    public void Builds_the_block_tree_with_positions()
    {
        var config = NginxConfig.Parse("""
            user nginx;
            http {
                upstream api_backend {
                    server api:8000;
                }
                server {
                    listen 443 ssl;
                    location /api/ { proxy_pass http://api_backend; }
                }
            }
            """, "nginx.conf");

        Assert.Empty(config.Errors);
        Assert.Equal(["user", "http"], config.Directives.Select(d => d.Name));
        var http = config.Directives[1];
        Assert.True(http.IsBlock);
        Assert.Equal(2, http.Line);
        var proxyPass = Assert.Single(config.FindAll("proxy_pass"));
        Assert.Equal(["http://api_backend"], proxyPass.Args);
        Assert.Equal(8, proxyPass.Line);
        Assert.Equal(26, proxyPass.Column);
        Assert.Equal("nginx.conf", proxyPass.File);
        Assert.Equal(["location", "server", "http"], proxyPass.Ancestors().Select(a => a.Name));
        Assert.Equal(["/api/"], proxyPass.Parent!.Args);
        Assert.Null(http.Parent);
    }

    [Fact]
    public void Handles_quotes_escapes_comments_and_variables()
    {
        var config = NginxConfig.Parse("""
            # leading comment
            add_header X-Frame-Options "SAME ORIGIN" always; # trailing
            log_format main '$remote_addr "quoted \' inside"';
            set $a ${host}x;
            return 200 foo#notacomment;
            rewrite ^/(.*)\;x /$1;
            """, "t.conf");

        Assert.Empty(config.Errors);
        Assert.Equal(["X-Frame-Options", "SAME ORIGIN", "always"], config.Directives[0].Args);
        Assert.Equal(["main", "$remote_addr \"quoted ' inside\""], config.Directives[1].Args);
        Assert.Equal(["$a", "${host}x"], config.Directives[2].Args);
        Assert.Equal(["200", "foo#notacomment"], config.Directives[3].Args);
        Assert.Equal(["^/(.*);x", "/$1"], config.Directives[4].Args);
        Assert.Equal(6, config.Directives[4].Line);
    }

    [Fact]
    public void Skips_lua_block_bodies()
    {
        var config = NginxConfig.Parse("""
            location / {
                content_by_lua_block { ngx.say("{") if x then y() end }
                autoindex on;
            }
            """, "t.conf");
        Assert.Empty(config.Errors);
        Assert.Equal(["content_by_lua_block", "autoindex"], config.Directives[0].Children.Select(c => c.Name));
    }

    [Theory]
    [InlineData("server { listen 80 }", "not terminated")]
    [InlineData("server { listen 80;", "not closed")]
    [InlineData("listen 80; }", "unexpected \"}\"")]
    [InlineData("return 200 \"abc;", "unterminated")]
    [InlineData("listen 80", "unexpected end of file")]
    [InlineData("; listen 80;", "unexpected \";\"")]
    [InlineData("content_by_lua_block { if x then", "raw block is not closed")]
    public void Reports_syntax_errors_with_positions_instead_of_throwing(string text, string expected)
    {
        var config = NginxConfig.Parse(text, "bad.conf");
        var error = Assert.Single(config.Errors, e => e.Message.Contains(expected, StringComparison.Ordinal));
        Assert.Equal("bad.conf", error.File);
        Assert.Equal(1, error.Line);
        Assert.True(error.Column >= 1);
    }

    [Fact]
    public void Recovers_after_an_error_and_keeps_later_directives()
    {
        var config = NginxConfig.Parse("server { listen 80 }\nserver_tokens on;\n", "t.conf");
        Assert.Single(config.Errors);
        var tokens = Assert.Single(config.FindAll("server_tokens"));
        Assert.Equal(2, tokens.Line);
    }
}

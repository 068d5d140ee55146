using Muster.Formats.Compose;

namespace Muster.Tests.Formats.Compose;

public class ComposeLoaderTests
{
    private static readonly ComposeLoadOptions NoEnv = new() { Environment = new Dictionary<string, string>() };

    private static ComposeProject Load(ComposeTempFolder folder, params string[] files) =>
        ComposeLoader.Load(files.Select(f => Path.Combine(folder.Path, f)).ToList(), NoEnv with { DisplayRoot = folder.Path });

    [Fact]
    public void Reads_services_with_every_section_and_their_positions()
    {
        using var folder = new ComposeTempFolder();
        folder.Write("compose.yml", """
            name: Shop
            services:
              web:
                build:
                  context: ./web
                  dockerfile: Web.Dockerfile
                  args: ["VERSION=1"]
                ports:
                  - "8080:80"
                  - "127.0.0.1:8443:443/tcp"
                  - "[::1]:9000-9001:9000-9001/udp"
                  - 3000
                  - target: 5000
                    published: "5001"
                    host_ip: 10.0.0.1
                    protocol: udp
                    mode: host
                environment:
                  - A=1
                  - B
                env_file: [.env.web, { path: .env.extra, required: false }]
                healthcheck:
                  test: curl -f http://localhost/
                  interval: 10s
                  retries: 3
                restart: unless-stopped
                depends_on: [db]
                networks: [front]
                volumes: ["./data:/data:ro", { type: volume, source: cache, target: /cache }]
                secrets: [api_key]
                deploy:
                  replicas: 2
              db:
                image: postgres:16
                profiles: [db]
                depends_on:
                  cache: { condition: service_healthy }
                healthcheck:
                  disable: true
            networks: { front: {} }
            volumes: { cache: {} }
            secrets: { api_key: { file: ./key.txt } }
            """);

        var project = Load(folder, "compose.yml");

        Assert.Empty(project.Diagnostics);
        Assert.Equal("shop", project.Name);
        var web = project.Service("web")!;
        Assert.Equal(new ComposePosition("compose.yml", 3, 3), web.Position);
        Assert.Equal("./web", web.Build!.Context);
        Assert.Equal("Web.Dockerfile", web.Build.Dockerfile);
        Assert.Equal("1", web.Build.Args["VERSION"]);
        Assert.Equal(["8080:80/tcp", "127.0.0.1:8443:443/tcp", "[::1]:9000-9001:9000-9001/udp", "3000/tcp", "10.0.0.1:5001:5000/udp"],
            web.Ports.Select(p => p.ToString()));
        Assert.Equal(9, web.Ports[0].Position.Line);
        Assert.True(web.Ports[0].OnAllInterfaces);
        Assert.False(web.Ports[1].OnAllInterfaces);
        Assert.Equal("host", web.Ports[4].Mode);
        Assert.Equal("1", web.Environment["A"]);
        Assert.Null(web.Environment["B"]);
        Assert.Equal([".env.web", ".env.extra"], web.EnvFiles);
        Assert.Equal(["CMD-SHELL", "curl -f http://localhost/"], web.Healthcheck!.Test);
        Assert.Equal(3, web.Healthcheck.Retries);
        Assert.Equal("unless-stopped", web.Restart);
        Assert.Equal("service_started", web.DependsOn["db"]);
        Assert.Equal(["front"], web.Networks);
        Assert.Equal(["./data:/data:ro", "/cache"], web.Volumes);
        Assert.Equal(["api_key"], web.Secrets);
        Assert.Equal(2, web.ExpectedContainers);
        var db = project.Service("db")!;
        Assert.Equal("service_healthy", db.DependsOn["cache"]);
        Assert.True(db.Healthcheck!.Disabled);
        Assert.Equal(["front"], project.Networks);
        Assert.Equal(["cache"], project.Volumes);
        Assert.Equal(["api_key"], project.Secrets);
    }

    [Fact]
    public void Profiles_decide_which_services_are_expected_to_run()
    {
        using var folder = new ComposeTempFolder();
        folder.Write("compose.yml", "services:\n  app: { image: a }\n  debug: { image: d, profiles: [debug] }\n  gpu: { image: g, profiles: [gpu, heavy] }\n");

        var project = Load(folder, "compose.yml");

        Assert.Equal(["app"], project.ActiveServices([]).Select(s => s.Name));
        Assert.Equal(["app", "gpu"], project.ActiveServices(["heavy"]).Select(s => s.Name));
        Assert.Equal(["app", "debug", "gpu"], project.ActiveServices(["*"]).Select(s => s.Name));
    }

    [Fact]
    public void Yaml11_sexagesimal_port_is_read_as_written_and_flagged_low()
    {
        using var folder = new ComposeTempFolder();
        folder.Write("compose.yml", "services:\n  ssh:\n    image: sshd\n    ports:\n      - 22:22\n      - \"2222:22\"\n      - 8080:80\n");

        var project = Load(folder, "compose.yml");

        var ssh = project.Service("ssh")!;
        Assert.Equal("22", ssh.Ports[0].Published);
        Assert.Equal("22", ssh.Ports[0].Target);
        var advice = Assert.Single(project.Diagnostics);
        Assert.Equal("yaml11-sexagesimal-port", advice.Code);
        Assert.Equal(ComposeDiagnosticLevel.Advice, advice.Level);
        Assert.Contains("1342", advice.Message, StringComparison.Ordinal);
        Assert.Equal(new ComposePosition("compose.yml", 5, 9), advice.Position);
    }

    [Fact]
    public void Override_file_merges_like_docker_compose()
    {
        using var folder = new ComposeTempFolder();
        folder.Write("compose.yml", """
            services:
              app:
                image: app:1
                command: ["serve", "--port", "80"]
                ports: ["8080:80", "9090:90"]
                environment: [A=1, B=2]
                labels: { tier: web }
                volumes: ["./a:/data", "./logs:/logs"]
                dns: [1.1.1.1]
                depends_on: [db]
                healthcheck: { test: ["CMD", "true"], interval: 5s }
              db:
                image: postgres:15
            """);
        folder.Write("compose.override.yml", """
            services:
              app:
                image: app:2
                command: ["serve"]
                ports: ["8080:80", "127.0.0.1:7070:70"]
                environment: { B: "3", C: "4" }
                labels: [owner=ops]
                volumes: ["./b:/data"]
                dns: [1.1.1.1, 8.8.8.8]
                depends_on: { cache: { condition: service_healthy } }
                healthcheck: { test: ["CMD", "false"] }
              cache:
                image: redis:7
            """);

        var project = Load(folder, "compose.yml", "compose.override.yml");

        Assert.Empty(project.Diagnostics);
        Assert.Equal(["app", "db", "cache"], project.Services.Select(s => s.Name));
        var app = project.Service("app")!;
        Assert.Equal("app:2", app.Image);
        Assert.Equal(["serve"], ((ComposeSequence)app.Raw["command"]!).Items.Cast<ComposeScalar>().Select(s => s.Value));
        Assert.Equal(["8080:80/tcp", "9090:90/tcp", "127.0.0.1:7070:70/tcp"], app.Ports.Select(p => p.ToString()));
        Assert.Equal(new Dictionary<string, string?> { ["A"] = "1", ["B"] = "3", ["C"] = "4" }, app.Environment);
        Assert.Equal(["tier", "owner"], ((ComposeMapping)app.Raw["labels"]!).Entries.Select(e => e.Key));
        Assert.Equal(["./b:/data", "./logs:/logs"], app.Volumes);
        Assert.Equal(["1.1.1.1", "8.8.8.8"], ((ComposeSequence)app.Raw["dns"]!).Items.Cast<ComposeScalar>().Select(s => s.Value));
        Assert.Equal(new Dictionary<string, string> { ["db"] = "service_started", ["cache"] = "service_healthy" }, app.DependsOn);
        Assert.Equal(["CMD", "false"], app.Healthcheck!.Test);
        Assert.Equal("5s", app.Healthcheck.Interval);
    }

    [Fact]
    public void Extends_in_the_same_file_and_another_file()
    {
        using var folder = new ComposeTempFolder();
        folder.Write("common/base.yml", "services:\n  base:\n    image: base:1\n    restart: always\n    environment: { LOG: info }\n");
        folder.Write("compose.yml", """
            services:
              web:
                extends: { file: common/base.yml, service: base }
                environment: { PORT: "80" }
              worker:
                extends: web
                image: worker:1
            """);

        var project = Load(folder, "compose.yml");

        Assert.Empty(project.Diagnostics);
        var web = project.Service("web")!;
        Assert.Equal("base:1", web.Image);
        Assert.Equal("always", web.Restart);
        Assert.Equal(new Dictionary<string, string?> { ["LOG"] = "info", ["PORT"] = "80" }, web.Environment);
        Assert.Null(web.Raw["extends"]);
        var worker = project.Service("worker")!;
        Assert.Equal("worker:1", worker.Image);
        Assert.Equal("always", worker.Restart);
        Assert.Equal("80", worker.Environment["PORT"]);
    }

    [Fact]
    public void Extends_cycle_and_missing_base_are_positioned_errors()
    {
        using var folder = new ComposeTempFolder();
        folder.Write("compose.yml", "services:\n  a:\n    extends: b\n  b:\n    extends: a\n  c:\n    extends: nowhere\n");

        var project = Load(folder, "compose.yml");

        Assert.Contains(project.Diagnostics, d => d.Code == "extends-cycle" && d.Position.File == "compose.yml" && d.Position.Line is 3 or 5);
        Assert.Contains(project.Diagnostics, d => d.Code == "extends-missing" && d.Message.Contains("nowhere", StringComparison.Ordinal));
        Assert.Equal(3, project.Services.Count);
    }

    [Fact]
    public void Include_adds_the_other_projects_services_and_rejects_conflicts()
    {
        using var folder = new ComposeTempFolder();
        folder.Write("db/compose.yml", "services:\n  db: { image: postgres:16 }\n  web: { image: other }\nvolumes: { pgdata: {} }\n");
        folder.Write("compose.yml", "include:\n  - db/compose.yml\nservices:\n  web: { image: web:1 }\n");

        var project = Load(folder, "compose.yml");

        Assert.Equal(["web", "db"], project.Services.Select(s => s.Name));
        Assert.Equal("web:1", project.Service("web")!.Image);
        Assert.Equal(["pgdata"], project.Volumes);
        var conflict = Assert.Single(project.Diagnostics);
        Assert.Equal("include-conflict", conflict.Code);
        Assert.Equal(new ComposePosition("compose.yml", 2, 5), conflict.Position);
    }

    [Fact]
    public void Yaml_anchors_and_merge_keys_are_applied()
    {
        using var folder = new ComposeTempFolder();
        folder.Write("compose.yml", "x-common: &common\n  restart: always\n  image: base\nservices:\n  a:\n    <<: *common\n    image: mine\n");

        var a = Load(folder, "compose.yml").Service("a")!;

        Assert.Equal("mine", a.Image);
        Assert.Equal("always", a.Restart);
    }

    [Theory]
    [InlineData("services:\n  a:\n    image: [unclosed\n", "yaml-syntax", 4)]
    [InlineData("services:\n  a:\n    ports: [\"99999:80\"]\n", "port-invalid", 3)]
    [InlineData("services:\n  a:\n    ports: [\"80:http\"]\n", "port-invalid", 3)]
    [InlineData("services:\n  a:\n    ports: [\"1:2:3:4\"]\n", "port-invalid", 3)]
    [InlineData("services:\n  a:\n    ports: \"80:80\"\n", "ports-invalid", 3)]
    [InlineData("- just\n- a list\n", "top-level-invalid", 1)]
    [InlineData("services:\n  a: 5\n", "service-invalid", 2)]
    [InlineData("services:\n  a:\n    image: x\n    healthcheck: { retries: many }\n", "healthcheck-invalid", 4)]
    [InlineData("services:\n  a:\n    image: ${BAD\n", "interpolation-invalid", 3)]
    public void Invalid_files_give_positioned_errors_with_a_fix(string yaml, string code, int line)
    {
        using var folder = new ComposeTempFolder();
        folder.Write("compose.yml", yaml);

        var project = Load(folder, "compose.yml");

        var error = Assert.Single(project.Diagnostics, d => d.Level == ComposeDiagnosticLevel.Error);
        Assert.Equal(code, error.Code);
        Assert.Equal("compose.yml", error.Position.File);
        Assert.Equal(line, error.Position.Line);
        Assert.True(error.Position.Column >= 1);
        Assert.NotEmpty(error.Fix);
    }

    [Fact]
    public void Missing_file_is_an_error_not_an_exception()
    {
        using var folder = new ComposeTempFolder();

        var project = Load(folder, "nope.yml");

        Assert.Equal("file-unreadable", Assert.Single(project.Diagnostics).Code);
        Assert.Empty(project.Services);
    }

    [Fact]
    public void Bare_environment_names_take_the_value_from_the_environment_when_set()
    {
        using var folder = new ComposeTempFolder();
        var file = folder.Write("compose.yml", "services:\n  a:\n    image: x\n    environment: [FROM_SHELL, NOT_SET, EMPTY=]\n");

        var a = ComposeLoader.Load([file], new ComposeLoadOptions { Environment = new Dictionary<string, string> { ["FROM_SHELL"] = "v" } }).Service("a")!;

        Assert.Equal(new Dictionary<string, string?> { ["FROM_SHELL"] = "v", ["NOT_SET"] = null, ["EMPTY"] = "" }, a.Environment);
    }

    [Theory]
    [InlineData("127.0.0.1::80", "127.0.0.1", null, "80", "tcp")]
    [InlineData("8000-8010:8000-8010", null, "8000-8010", "8000-8010", "tcp")]
    [InlineData("53:53/udp", null, "53", "53", "udp")]
    [InlineData("0.0.0.0:5432:5432", "0.0.0.0", "5432", "5432", "tcp")]
    public void Short_port_syntax_variants(string text, string? hostIp, string? published, string target, string protocol)
    {
        using var folder = new ComposeTempFolder();
        var file = folder.Write("compose.yml", $"services:\n  a:\n    image: x\n    ports: [\"{text}\"]\n");

        var port = Assert.Single(ComposeLoader.Load([file], NoEnv).Service("a")!.Ports);

        Assert.Equal((hostIp, published, target, protocol), (port.HostIp, port.Published, port.Target, port.Protocol));
    }
}

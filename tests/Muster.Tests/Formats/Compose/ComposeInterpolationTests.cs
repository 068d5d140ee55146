using Muster.Formats.Compose;

namespace Muster.Tests.Formats.Compose;

public class ComposeInterpolationTests
{
    private static readonly Dictionary<string, string> Env = new()
    {
        ["SET"] = "value",
        ["EMPTY"] = "",
        ["INNER"] = "nested",
    };

    [Theory]
    [InlineData("${SET}", "value")]
    [InlineData("$SET", "value")]
    [InlineData("pre-$SET-post", "pre-value-post")]
    [InlineData("${SET:-d}", "value")]
    [InlineData("${UNSET:-d}", "d")]
    [InlineData("${EMPTY:-d}", "d")]
    [InlineData("${EMPTY-d}", "")]
    [InlineData("${UNSET-d}", "d")]
    [InlineData("${SET:+alt}", "alt")]
    [InlineData("${EMPTY:+alt}", "")]
    [InlineData("${EMPTY+alt}", "alt")]
    [InlineData("${UNSET+alt}", "")]
    [InlineData("${SET:?boom}", "value")]
    [InlineData("${EMPTY?boom}", "")]
    [InlineData("${UNSET:-${INNER}}", "nested")]
    [InlineData("${UNSET:-${ALSO_UNSET:-deep}}", "deep")]
    [InlineData("$$SET", "$SET")]
    [InlineData("cost: $$5", "cost: $5")]
    [InlineData("no dollars", "no dollars")]
    public void Interpolates_every_form(string text, string expected)
    {
        var interpolator = new ComposeInterpolator(name => Env.GetValueOrDefault(name));

        Assert.Equal(expected, interpolator.Interpolate(text, new ComposePosition("f.yml", 1, 1)));
    }

    [Theory]
    [InlineData("${UNSET:?needs a value}", "required variable UNSET is missing a value: needs a value")]
    [InlineData("${EMPTY:?}", "required variable EMPTY is missing a value")]
    [InlineData("${UNSET?gone}", "required variable UNSET is missing a value: gone")]
    public void Required_variables_fail_with_the_message(string text, string expected)
    {
        var interpolator = new ComposeInterpolator(name => Env.GetValueOrDefault(name));

        var e = Assert.Throws<ComposeFormatException>(() => interpolator.Interpolate(text, new ComposePosition("f.yml", 4, 7)));
        Assert.Equal(expected, e.Diagnostic.Message);
        Assert.Equal(new ComposePosition("f.yml", 4, 7), e.Diagnostic.Position);
    }

    [Theory]
    [InlineData("${")]
    [InlineData("${SET")]
    [InlineData("${}")]
    [InlineData("${1BAD}")]
    [InlineData("${SET:x}")]
    [InlineData("trailing $")]
    [InlineData("$-")]
    public void Malformed_templates_are_errors(string text)
    {
        var interpolator = new ComposeInterpolator(name => Env.GetValueOrDefault(name));

        var e = Assert.Throws<ComposeFormatException>(() => interpolator.Interpolate(text, new ComposePosition("f.yml", 1, 1)));
        Assert.Equal("interpolation-invalid", e.Diagnostic.Code);
    }

    [Fact]
    public void Unset_variable_becomes_empty_with_a_warning()
    {
        var interpolator = new ComposeInterpolator(name => Env.GetValueOrDefault(name));

        Assert.Equal("a--b", interpolator.Interpolate("a-${NOPE}-b", new ComposePosition("f.yml", 2, 3)));
        var warning = Assert.Single(interpolator.Diagnostics);
        Assert.Equal("interpolation-unset", warning.Code);
        Assert.Equal(ComposeDiagnosticLevel.Warning, warning.Level);
    }

    [Fact]
    public void Dot_env_beside_the_file_is_read_and_the_environment_wins()
    {
        using var folder = new ComposeTempFolder();
        folder.Write(".env", "# comment\nTAG=from-dotenv\nexport PORT=8081\nQUOTED=\"a b\" # c\nSINGLE='$literal'\nONLY_DOTENV=x\n");
        var file = folder.Write("compose.yml", """
            services:
              app:
                image: "repo/app:${TAG}"
                ports: ["${PORT}:80"]
                environment:
                  Q: ${QUOTED}
                  S: ${SINGLE}
                  D: ${ONLY_DOTENV}
            """);

        var project = ComposeLoader.Load([file], new ComposeLoadOptions { Environment = new Dictionary<string, string> { ["TAG"] = "from-env" } });

        var app = Assert.Single(project.Services);
        Assert.Equal("repo/app:from-env", app.Image);
        Assert.Equal("8081", app.Ports[0].Published);
        Assert.Equal("a b", app.Environment["Q"]);
        Assert.Equal("$literal", app.Environment["S"]);
        Assert.Equal("x", app.Environment["D"]);
        Assert.False(project.HasErrors);
    }

    [Fact]
    public void Required_variable_error_points_at_the_value()
    {
        using var folder = new ComposeTempFolder();
        var file = folder.Write("compose.yml", "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD:?set DB_PASSWORD}\n");

        var project = ComposeLoader.Load([file], new ComposeLoadOptions { Environment = new Dictionary<string, string>(), DisplayRoot = folder.Path });

        var error = Assert.Single(project.Diagnostics, d => d.Level == ComposeDiagnosticLevel.Error);
        Assert.Equal("interpolation-required", error.Code);
        Assert.Equal(new ComposePosition("compose.yml", 5, 26), error.Position);
        Assert.Contains("set DB_PASSWORD", error.Message, StringComparison.Ordinal);
    }
}

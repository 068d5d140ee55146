using Muster.Formats.Compose;

namespace Muster.Tests.Formats.Compose;

/// <summary>The variables a compose file refers to, read as compose interpolates it: the one reader config-audit uses too.</summary>
public class ComposeVariableReferencesTests
{
    private static string Uses(string value) =>
        string.Join(' ', ComposeInterpolator.References(value).Select(u => $"{u.Name}{(u.Required ? "!" : "")}@{u.Offset}"));

    [Theory]
    [InlineData("${A}", "A!@0")]
    [InlineData("pre-$A-post", "A!@4")]
    [InlineData("${A:?set A} ${B?}", "A!@0 B!@12")]
    [InlineData("${A:-d} ${B-d} ${C:+alt} ${D+alt}", "A@0 B@8 C@15 D@25")]
    [InlineData("$$A", "")]
    [InlineData("$$$A", "A!@2")]
    [InlineData("$$$$A", "")]
    [InlineData("$${A}", "")]
    [InlineData("${A:-${B}}", "A@0 B@5")]
    [InlineData("${A:-${B:-${C}}}", "A@0 B@5 C@10")]
    [InlineData("${A:+x-$B} ${C:?need $D}", "A@0 B@7 C!@11 D@21")]
    [InlineData("$1 ${} ${9X} ${Y", "")]
    [InlineData("$1 then ${A} then $", "A!@8")]
    [InlineData("no dollars", "")]
    public void References_are_read_as_interpolation_reads_them(string value, string expected) => Assert.Equal(expected, Uses(value));

    [Fact]
    public void Values_are_read_and_keys_and_comments_are_not()
    {
        var text = """
            # a comment with ${COMMENTED}
            x-common: &common
              LOG: ${LOG_LEVEL:-info}
            services:
              app:
                image: "ghcr.io/acme/app:${TAG}" # pinned by ${TRAILING}
                ${KEY_NOT_READ}: value
                command: ["sh", "-c", "echo $$HOME $$$NEEDED"]
                environment:
                  <<: *common
              other:
                environment: *common
            """;

        var found = ComposeVariableReferences.In(YamlTreeReader.ReadAsWritten(text, "compose.yml"), text);

        Assert.Equal(["LOG_LEVEL@3:8", "TAG!@6:30", "NEEDED!@8:42"], found.Select(r => $"{r.Name}{(r.Required ? "!" : "")}@{r.Position.Line}:{r.Position.Column}"));
    }

    [Fact]
    public void A_reference_in_a_block_scalar_points_at_its_own_line()
    {
        var text = "services:\n  job:\n    command: |\n      echo start\n      echo ${FIRST} $$ESCAPED\n      echo \"${FIRST}\" ${SECOND:-x}\n";

        var found = ComposeVariableReferences.In(YamlTreeReader.ReadAsWritten(text, "compose.yml"), text);

        Assert.Equal(["FIRST@5:12", "FIRST@6:13", "SECOND@6:23"], found.Select(r => $"{r.Name}@{r.Position.Line}:{r.Position.Column}"));
    }
}

using Muster.Formats.Python;

namespace Muster.Tests.Formats.Python;

public sealed class PythonTokenizerColumnTests
{
    [Fact]
    public void Columns_count_tabs_to_multiples_of_eight_across_tokens_lines_and_strings()
    {
        var lines = PythonTokenizer.Tokenize("x\t= (1,\t'''a\nb''', z)\nif y:\n\tw = 2\n");

        var columns = lines.SelectMany(l => l.Tokens).Select(t => (t.Text, t.Line, t.Column)).ToList();

        Assert.Equal(("x", 1, 1), columns[0]);
        Assert.Equal(("=", 1, 9), columns[1]);
        Assert.Equal(("(", 1, 11), columns[2]);
        Assert.Equal(("1", 1, 12), columns[3]);
        Assert.Equal((",", 1, 13), columns[4]);
        Assert.Equal(1, columns[5].Line);
        Assert.Equal(17, columns[5].Column);
        Assert.Contains(("z", 2, 7), columns);
        Assert.Contains(("w", 4, 9), columns);
    }

    [Fact]
    public void A_line_of_200000_nested_parentheses_is_one_logical_line_with_every_token()
    {
        const int depth = 200_000;
        var lines = PythonTokenizer.Tokenize("x = " + new string('(', depth) + "1" + new string(')', depth) + "\nimport auth\n");

        Assert.Equal(2, lines.Count);
        Assert.Equal(2 * depth + 3, lines[0].Tokens.Count);
        Assert.Equal(depth + 5, lines[0].Tokens[depth + 2].Column);
        Assert.Equal("auth", lines[1].Tokens[1].Text);
    }
}

using Muster.Workspace;

namespace Muster.Tests.Workspace;

public sealed class PathContextTests
{
    [Theory]
    [InlineData(".env.test", PathContext.Test)]
    [InlineData(".env.testing", PathContext.Test)]
    [InlineData("api/.ENV.TESTING", PathContext.Test)]
    [InlineData(".env.test.local", PathContext.Test)]
    [InlineData(".env.dusk.local", PathContext.Test)]
    [InlineData(".env.testing.example", PathContext.Example)]
    [InlineData(".env", null)]
    [InlineData("tests/.env", null)]
    [InlineData(".env.ci", null)]
    [InlineData(".env.production", null)]
    [InlineData(".env.testnet", null)]
    public void A_dotenv_file_named_for_the_test_environment_is_test_material(string path, string? expected) =>
        Assert.Equal(expected, PathContext.Of(path));
}

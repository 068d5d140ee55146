namespace Muster.Tests.Docker;

public class ElfLinkageTests
{
    [Fact]
    public async Task Static_busybox_is_told_apart_from_a_dynamically_linked_binary()
    {
        var busybox = new[] { "/bin/busybox", "/usr/bin/busybox" }.First(File.Exists);

        Assert.False(await DockerEngineFixture.IsDynamicallyLinkedAsync(busybox));
        Assert.True(await DockerEngineFixture.IsDynamicallyLinkedAsync("/bin/ls"));
        Assert.False(await DockerEngineFixture.IsDynamicallyLinkedAsync("/etc/hostname"));
    }
}

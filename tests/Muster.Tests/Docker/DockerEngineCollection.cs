namespace Muster.Tests.Docker;

/// <summary>Tests in this collection share one private Docker engine, started once.</summary>
[CollectionDefinition(Name)]
public sealed class DockerEngineCollection : ICollectionFixture<DockerEngineFixture>
{
    public const string Name = "docker-engine";
}

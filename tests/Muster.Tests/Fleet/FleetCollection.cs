namespace Muster.Tests.Fleet;

/// <summary>The tests that start clusters of real processes run one at a time: two cores run them all.</summary>
[CollectionDefinition(Name)]
public sealed class FleetCollection
{
    public const string Name = "fleet";
}

namespace Muster.Formats.Packages.Model;

/// <summary>A digest of the package archive a lockfile recorded (npm's <c>integrity</c>, NuGet's <c>contentHash</c>), hex-encoded.</summary>
internal sealed record PackageHash(DigestAlgorithm Algorithm, string Hex);

internal enum DigestAlgorithm
{
    Sha1,
    Sha256,
    Sha384,
    Sha512,
}

using Muster.Formats.Packages.Model;

namespace Muster.Agents.Dependencies;

internal sealed record EcosystemCount(Ecosystem Ecosystem, int Packages, int Direct, int Development, int Manifests);

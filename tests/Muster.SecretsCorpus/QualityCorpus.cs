using Muster.SecretsCorpus.Cases;

namespace Muster.SecretsCorpus;

/// <summary>Every labelled case, class by class.</summary>
public static class QualityCorpus
{
    public static IReadOnlyList<QualityCase> All { get; } =
    [
        .. R01ProviderFormats.Cases(), .. R02ProseAndNotes.Cases(), .. R03ShortNamesAndSyntax.Cases(), .. R04SqlPasswords.Cases(),
        .. R05CommandLines.Cases(), .. R06HttpAuthorization.Cases(), .. R07CredentialUrls.Cases(), .. R08PrivateKeys.Cases(),
        .. R09ProviderEdges.Cases(), .. R10RepeatedValues.Cases(), .. R11IdentifiersAsSecrets.Cases(),
        .. P01LocalizationText.Cases(), .. P02ManifestsAndLockfiles.Cases(), .. P03CodeNotValues.Cases(), .. P04TestAndDocPaths.Cases(),
        .. P05EncryptedMaterial.Cases(), .. P06CredentialNamedFiles.Cases(), .. P07DocsMonorepo.Cases(), .. P08SampleFakes.Cases(),
    ];
}

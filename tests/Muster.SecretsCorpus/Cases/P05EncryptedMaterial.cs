using Muster.Model;
using static Muster.SecretsCorpus.CaseValues;

namespace Muster.SecretsCorpus.Cases;

/// <summary>P5: ciphertext is not plaintext: sops, Ansible vault, SealedSecrets, Jasypt, encrypted PEM.</summary>
internal static class P05EncryptedMaterial
{
    public static IEnumerable<QualityCase> Cases() => new CaseList("P5", c => c with { NegativeMax = Severity.Info })
    {
        { "sops YAML", "secrets/prod.enc.yaml", v =>
            $"db:\n  password: ENC[AES256_GCM,data:{v.B64(24)},iv:{v.B64(43)}=,tag:{v.B64(22)}==,type:str]\nsops:\n  mac: ENC[AES256_GCM,data:{v.B64(88)},iv:{v.B64(43)}=,tag:{v.B64(22)}==,type:str]\n" },
        { "sops JSON", "secrets/api.json", v => $"{{\"api_token\": \"ENC[AES256_GCM,data:{v.B64(40)},iv:{v.B64(43)}=,tag:{v.B64(22)}==,type:str]\"}}\n" },
        { "Ansible vault inline", "group_vars/all/vault.yml", v => $"db_password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  {v.Hex(80)}\n  {v.Hex(80)}\n" },
        { "Ansible vault file", "host_vars/web/secrets.yml", v => $"$ANSIBLE_VAULT;1.1;AES256\n{v.Hex(80)}\n{v.Hex(80)}\n" },
        { "SealedSecret", "k8s/sealed-db.yaml", v =>
            $"apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: db\nspec:\n  encryptedData:\n    password: AgB{v.B64(300)}\n    api-token: AgC{v.B64(300)}\n" },
        { "Jasypt ENC()", "src/main/resources/application-prod.properties", v => $"spring.datasource.password=ENC({v.B64(44)})\n" },
        { "encrypted PKCS#8", "certs/client.key", v => $"-----BEGIN ENCRYPTED PRIVATE KEY-----\n{v.PemBody(6)}-----END ENCRYPTED PRIVATE KEY-----\n" },
        { "legacy encrypted PEM", "certs/legacy.key", v =>
            $"-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,{v.Hex(32).ToUpperInvariant()}\n\n{v.PemBody(6)}-----END RSA PRIVATE KEY-----\n" },
        // Positives: base64 in a plain Kubernetes Secret is encoding, not encryption.
        { "Kubernetes Secret stringData", "k8s/secret.yaml", v => $"apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: {Secret(v.Password())}\n" },
        { "plain PEM next to an encrypted one", "certs/both.pem", v =>
            $"-----BEGIN ENCRYPTED PRIVATE KEY-----\n{v.PemBody(3)}-----END ENCRYPTED PRIVATE KEY-----\n{Secret("-----BEGIN PRIVATE KEY-----")}\n{v.PemBody(4)}-----END PRIVATE KEY-----\n" },
    };
}

using static Muster.SecretsCorpus.CaseValues;

namespace Muster.SecretsCorpus.Cases;

/// <summary>P1: translation catalogues whose keys name passwords and tokens and whose values are UI text.</summary>
internal static class P01LocalizationText
{
    public static IEnumerable<QualityCase> Cases() => new CaseList("P1")
    {
        { "i18n JSON", "src/locales/en.json", v => "{\n  \"password\": \"Password\",\n  \"password_hint\": \"Use at least 8 characters\",\n  \"forgot_password\": \"Forgot your password?\"\n}\n" },
        { "German JSON", "src/locales/de.json", v => "{\n  \"passwordTooShort\": \"Das Passwort ist zu kurz\",\n  \"password\": \"Kennwort\",\n  \"tokenExpired\": \"Ihr Token ist abgelaufen\"\n}\n" },
        { "Spanish single word", "public/locales/es/common.json", v => "{\"password\": \"Contraseña\", \"secret\": \"Secreto\"}\n" },
        { "French YAML", "config/locales/fr.yml", v => "fr:\n  devise:\n    password: \"Mot de passe\"\n    reset_password_token: \"Jeton de réinitialisation\"\n" },
        { "gettext PO", "locale/pt_BR/LC_MESSAGES/django.po", v => "msgid \"Password\"\nmsgstr \"Senha\"\n\nmsgid \"Your API key\"\nmsgstr \"Sua chave de API\"\n" },
        { "Android strings", "app/src/main/res/values-ru/strings.xml", v => "<string name=\"password_label\">Пароль</string>\n<string name=\"token_hint\">Введите токен</string>\n" },
        { "Java resource bundle", "src/main/resources/messages_it.properties", v => "login.password=Parola d'ordine\nlogin.password.invalid=Password non valida\n" },
        { "Chinese JSON", "web/i18n/zh-CN.json", v => "{\"password\": \"密码\", \"apiKey\": \"API 密钥\"}\n" },
        { "camel-case UI labels", "src/i18n/labels.ts", v => "export const labels = { newPassword: 'NewPassword', confirmPassword: 'ConfirmPassword' };\n" },
        { "ARB file", "lib/l10n/app_en.arb", v => "{\n  \"passwordLabel\": \"Password\",\n  \"@passwordLabel\": {\"description\": \"Label of the password field\"}\n}\n" },
        // Positive: a real token pasted into a catalogue is still a token.
        { "token pasted into a locale file", "src/locales/en-ops.json", v => $"{{\"webhook\": \"https://hooks.slack.com/services/T{v.UpDig(10)}/B{v.UpDig(10)}/{Secret(v.Alnum(24))}\"}}\n" },
    };
}

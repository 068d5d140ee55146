namespace Muster.Agents.Secrets;

/// <summary>
/// One rule match in a piece of text. <see cref="Index"/> is the secret's position in the scanned text.
/// <see cref="Secret"/> is the plain value: it stays inside the agent and is only ever hashed or redacted.
/// </summary>
internal sealed record SecretHit(SecretRule Rule, string Secret, int Index, bool IsPlaceholder, bool AllowedInline);

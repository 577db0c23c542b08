// Slavic patronymics (Ivanovych, Petrivna, Sergeevich, Iwanowna): present on some registrations
// and not others, so they are set aside before names are compared instead of counting as a
// missing given name. Only a token after the first in a field is taken for one, so a surname
// such as Karpovich standing alone is never dropped.

// Folded endings: -ovych / -ovich / -evich / -owitsch / -owicz (male), -ivna / -ovna / -owna
// / -ichna (female), covering the passport, German and Polish spellings.
const PATRONYMIC = /(?:[oe][vw](?:y|i|yt|it)?(?:tsch|tch|ch|cz|c)|[oeiy][vw]na|ichna)$/;

export function isPatronymic(token: string): boolean {
  return token.length >= 6 && PATRONYMIC.test(token);
}

/** The tokens of one name field without patronymics after the first token. */
export function withoutPatronymics(tokens: readonly string[]): string[] {
  if (tokens.length < 2) return [...tokens];
  return tokens.filter((t, i) => i === 0 || !isPatronymic(t));
}

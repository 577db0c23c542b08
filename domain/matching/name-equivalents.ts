// Given-name forms that are the same name in Ukrainian, Russian and the spellings used abroad,
// but differ by more than romanisation (Mykola / Nikolai, Olena / Elena). The project owns this
// list; it is short on purpose, and docs/matching.md says how to extend it.

import { slavicKey } from './transliterate-cyrillic';

/** Each row is one name; spellings are folded (lower case, no diacritics). */
export const NAME_EQUIVALENTS: ReadonlyArray<readonly string[]> = [
  ['olena', 'elena', 'yelena', 'jelena'],
  ['mykola', 'nikolai', 'nikolay', 'mikola', 'nicolai'],
  ['mykhailo', 'mikhail', 'michail', 'mihail', 'mikhailo'],
  ['dmytro', 'dmitry', 'dmitrii', 'dmitri', 'dmitrij'],
  ['vasyl', 'vasily', 'vasilii', 'vasiliy', 'wassili'],
  ['petro', 'pyotr', 'petr', 'piotr'],
  ['pavlo', 'pavel'],
  ['hryhorii', 'grigory', 'grigorii', 'grigoriy', 'hryhoriy'],
  ['volodymyr', 'vladimir', 'wladimir'],
  ['kateryna', 'ekaterina', 'yekaterina', 'katerina', 'jekaterina'],
  ['tetiana', 'tatiana', 'tatyana', 'tetyana', 'tatjana'],
  ['liudmyla', 'lyudmila', 'ludmila', 'ljudmila'],
  ['svitlana', 'svetlana'],
  ['yevhen', 'evgeny', 'evgenii', 'yevgeniy', 'evgeniy', 'jewgeni'],
  ['yevheniia', 'evgenia', 'evgeniya', 'yevgeniya'],
  ['kostiantyn', 'konstantin', 'kostyantyn'],
  ['nadiia', 'nadezhda', 'nadiya'],
  ['hanna', 'anna', 'ganna'],
  ['anatolii', 'anatoly', 'anatoliy'],
  ['fedir', 'fyodor', 'fedor'],
  ['yakiv', 'yakov', 'iakov'],
  ['illia', 'ilya', 'ilia'],
  ['mykyta', 'nikita'],
];

const CLASS_BY_KEY: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  NAME_EQUIVALENTS.forEach((row, index) => {
    for (const spelling of row) map.set(slavicKey(spelling), index + 1);
  });
  return map;
})();

/** A positive class number when the token is a listed form, else 0. */
export function nameEquivalenceClass(token: string): number {
  return CLASS_BY_KEY.get(slavicKey(token)) ?? 0;
}

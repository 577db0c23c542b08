// Name normalisation: how a raw name becomes the form we display (NFKC, Romanian comma letters,
// diacritics kept) and the folded tokens we compare (case folded, Cyrillic romanised, Latin
// diacritics removed, Thai script romanised, split so that name order does not matter).

import { CYRILLIC_PATTERN, transliterateCyrillic } from './transliterate-cyrillic';
import { THAI_PATTERN, transliterateThai } from './transliterate-thai';

// Romanian ș and ț are written with a comma below; the cedilla forms came from old code pages and
// still arrive from keyboards and OCR. Both spellings must be one letter.
const CEDILLA_TO_COMMA: Readonly<Record<string, string>> = {
  Ş: 'Ș',
  ş: 'ș',
  Ţ: 'Ț',
  ţ: 'ț',
};

// Letters with no Unicode decomposition, so stripping combining marks would not fold them.
const UNDECOMPOSABLE: Readonly<Record<string, string>> = {
  ß: 'ss',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ħ: 'h',
  ı: 'i',
  þ: 'th',
  ŧ: 't',
  ς: 'σ',
};

const APOSTROPHES = /['’ʼ`´]/g;
// Marks are removed only after a Latin letter: Thai vowel signs are marks too, and are the word.
const LATIN_WITH_MARKS = /(\p{Script=Latin})\p{M}+/gu;
const NON_LETTERS = /[^\p{L}\p{M}]+/u;

function unifyRomanianCommas(text: string): string {
  return text.replace(/[ŞşŢţ]/g, (c) => CEDILLA_TO_COMMA[c] ?? c);
}

/** The form to show a person: NFKC, comma-below ș and ț, single spaces. Diacritics are kept. */
export function normaliseForDisplay(raw: string): string {
  return unifyRomanianCommas(raw.normalize('NFKC')).replace(/\s+/g, ' ').trim();
}

/** Case folding: lower case plus the letters whose full fold is not their lower case. */
export function caseFold(text: string): string {
  return text.toLowerCase().replace(/[ßς]/g, (c) => UNDECOMPOSABLE[c] ?? c);
}

/** Remove Latin diacritics for comparison (ș → s, é → e, ø → o); other scripts are untouched. */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(LATIN_WITH_MARKS, '$1')
    .replace(/[øæœđðłħıþŧ]/g, (c) => UNDECOMPOSABLE[c] ?? c)
    .normalize('NFC');
}

/** The comparison form of a whole name string: folded, romanised, apostrophes dropped. */
export function foldForComparison(raw: string): string {
  let text = caseFold(unifyRomanianCommas(raw.normalize('NFKC')));
  if (CYRILLIC_PATTERN.test(text)) text = transliterateCyrillic(text);
  if (THAI_PATTERN.test(text)) text = transliterateThai(text);
  return foldDiacritics(text).replace(APOSTROPHES, '');
}

/**
 * Folded name tokens. Hyphens and spaces both separate tokens (a double-barrelled name matches
 * either half); a string of only punctuation gives no tokens rather than an error.
 */
export function tokeniseName(raw: string): string[] {
  return foldForComparison(raw)
    .split(NON_LETTERS)
    .filter((t) => t.length > 0);
}

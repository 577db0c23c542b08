// The ways a registration goes wrong, for the synthetic generator: typing slips, dropped
// diacritics, Romanian cedilla letters, and birth dates that are defaulted, estimated, swapped
// or missing. Rates live in generate.ts; these functions only apply one change.

import { randomInt } from '../../domain/matching/prng';

const KEYBOARD_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

function neighbours(ch: string): string {
  for (let r = 0; r < KEYBOARD_ROWS.length; r++) {
    const row = KEYBOARD_ROWS[r] as string;
    const i = row.indexOf(ch);
    if (i >= 0) return (row[i - 1] ?? '') + (row[i + 1] ?? '');
  }
  return 'aeiou';
}

/** One slip inside a word: a neighbouring key, a dropped, doubled or transposed letter. */
export function typo(word: string, random: () => number): string {
  if (word.length < 3) return word;
  const i = 1 + randomInt(random, word.length - 2);
  const ch = word[i] as string;
  switch (randomInt(random, 4)) {
    case 0: {
      const near = neighbours(ch.toLowerCase());
      return word.slice(0, i) + (near[randomInt(random, near.length)] ?? ch) + word.slice(i + 1);
    }
    case 1:
      return word.slice(0, i) + word.slice(i + 1);
    case 2:
      return word.slice(0, i) + ch + word.slice(i);
    default:
      // Transpose with the next letter; the capital initial stays in place.
      if (i + 1 >= word.length) return word.slice(0, i) + word.slice(i + 1);
      return word.slice(0, i) + (word[i + 1] as string) + ch + word.slice(i + 2);
  }
}

/** Apply a typo to one random word of a name. */
export function typoInName(name: string, random: () => number): string {
  const words = name.split(' ');
  const k = randomInt(random, words.length);
  words[k] = typo(words[k] as string, random);
  return words.join(' ');
}

export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/ł/g, 'l').replace(/Ł/g, 'L');
}

/** Romanian comma-below letters written with a cedilla, as old keyboards do. */
export function toCedilla(text: string): string {
  return text.replace(/ș/g, 'ş').replace(/Ș/g, 'Ş').replace(/ț/g, 'ţ').replace(/Ț/g, 'Ţ');
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export function isoDate(d: DateParts): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

export function randomBirth(random: () => number, fromYear: number, toYear: number): DateParts {
  const year = fromYear + randomInt(random, toYear - fromYear + 1);
  const month = 1 + randomInt(random, 12);
  const day = 1 + randomInt(random, 28);
  return { year, month, day };
}
